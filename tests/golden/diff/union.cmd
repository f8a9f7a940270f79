diff tests/golden/check/inputs/shop.toml tests/golden/diff/inputs/shop_more.toml
