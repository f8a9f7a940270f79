diff tests/golden/check/inputs/base.json tests/golden/check/inputs/shop.toml --users 1k
