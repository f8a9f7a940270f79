queue --arrival 10/s --service 50ms --servers 3 --max-util 70%
