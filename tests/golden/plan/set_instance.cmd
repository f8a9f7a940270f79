plan --users 100k --set web.instance=c7i.2xlarge --set slo.latency_p99=200ms --get web.servers
