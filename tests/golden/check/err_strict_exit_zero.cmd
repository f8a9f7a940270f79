check tests/golden/check/inputs/shop.toml --strict --exit-zero
