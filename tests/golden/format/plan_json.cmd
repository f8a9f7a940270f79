plan -f json
