plan --users 1..1M --set slo.availability=99.99%
