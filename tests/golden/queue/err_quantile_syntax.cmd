queue --arrival 10/s --service 50ms --wait-p 99
