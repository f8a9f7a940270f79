check tests/golden/check/inputs/shop.toml -f csv
