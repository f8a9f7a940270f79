diff tests/golden/check/inputs/base.json tests/golden/diff/inputs/shop_cached.toml
