plan --users 1..0
