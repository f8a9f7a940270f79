queue --arrival 50/s --service 100ms --servers 6 --capacity 5
