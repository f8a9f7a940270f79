plan --users 250k
