queue --arrival 10/s --service 50ms --servers 2.5
