queue --arrival 1e7/s --service 100ms --max-wait-prob 1% --get servers
