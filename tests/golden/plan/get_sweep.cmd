plan --users 1..1M --get db.instance
