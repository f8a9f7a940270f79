check tests/golden/diff/inputs/shop_cached.toml
