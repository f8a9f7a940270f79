diff tests/golden/check/inputs/shop.toml tests/golden/diff/inputs/shop_cached.toml --set web.cpu_time=30ms --users 10k
