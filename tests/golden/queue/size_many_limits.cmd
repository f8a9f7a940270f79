queue --arrival 54k/min --service 40ms --max-util 70% --max-wait-prob 0.2 --mean-wait 5ms --mean-response 50ms --wait-p99 20ms --response-p 99.9:400ms
