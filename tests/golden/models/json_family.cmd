models db.r7g -f json
