check tests/golden/check/inputs/shop.toml
