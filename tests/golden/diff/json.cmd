diff tests/golden/check/inputs/shop.toml tests/golden/diff/inputs/shop_cached.toml --users 100k -f json
