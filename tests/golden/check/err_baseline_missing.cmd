check tests/golden/check/inputs/shop.toml --compare-to tests/golden/check/inputs/nope.json
