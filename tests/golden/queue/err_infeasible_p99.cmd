queue --arrival 1200/s --service 25ms --response-p99 100ms
