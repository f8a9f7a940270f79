queue --arrival 1200/s --service 25ms --servers 32 -f csv
