plan --get db.instance
