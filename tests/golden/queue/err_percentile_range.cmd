queue --arrival 10/s --service 50ms --response-p 100:1s
