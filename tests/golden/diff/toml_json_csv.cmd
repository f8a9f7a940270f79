diff tests/golden/diff/inputs/shop_cached.toml tests/golden/check/inputs/base.json -f csv
