queue --arrival 50/s --service 100ms --capacity 5 --max-wait-prob 1%
