queue --arrival 50/s --service 100ms --capacity 12 --max-util 80% --wait-p99 200ms -f csv
