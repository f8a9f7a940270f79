queue --arrival 1200 --service 25ms --servers 32
