qeue --arrival 1/s
