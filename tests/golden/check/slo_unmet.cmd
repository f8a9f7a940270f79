check tests/golden/check/inputs/shop.toml --set slo.availability=99.999% --set failover.max_datacenters=1 --set failover.survive=0 -f github
