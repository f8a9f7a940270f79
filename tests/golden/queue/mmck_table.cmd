queue --arrival 50/s --service 100ms --servers 4 --capacity 6
