plan --fields stage,web.*,queue.mean_wait_s,total.monthly_cost
