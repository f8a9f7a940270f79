queue --arrival 300/s --service 10ms --servers 4 --arrival-cv 1.4 --service-cv 0.5 -f csv
