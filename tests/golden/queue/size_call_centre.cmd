queue --arrival 100/30min --service 3min --wait-p 80:20s --max-util 85% -f csv
