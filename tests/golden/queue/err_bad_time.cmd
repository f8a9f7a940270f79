queue --arrival 1200/s --service 25parsecs --servers 32
