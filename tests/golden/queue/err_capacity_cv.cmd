queue --arrival 10/s --service 50ms --servers 3 --capacity 5 --service-cv 2
