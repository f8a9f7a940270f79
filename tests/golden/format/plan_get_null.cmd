plan --get queue.mean_wait_s
