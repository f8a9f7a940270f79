plan --users 1..1M --fields users,stage,web.*,total.monthly_cost -f tsv
