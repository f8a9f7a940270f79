queue --arrival 7/min --service 1min --servers 10 --capacity 10 --get blocking_prob
