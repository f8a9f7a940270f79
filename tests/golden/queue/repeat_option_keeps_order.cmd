queue --response-p 99:300ms --arrival 10/s --response-p 99.9:400ms --service 50ms --get servers
