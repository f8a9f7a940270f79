queue --arrival nan/s --service 50ms --servers 2
