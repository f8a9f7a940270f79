queue --arrival 8/s --service 100ms --servers 1 --service-cv 0 -f json
