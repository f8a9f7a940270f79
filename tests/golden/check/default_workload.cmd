check --users 1M -f github
