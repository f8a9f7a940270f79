plan --fields users,stage,web.*,queue.mean_wait_s,total.monthly_cost -f csv
