check tests/golden/check/inputs/shop.toml --set slo.availability=99.999% -f github
