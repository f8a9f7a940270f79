diff tests/golden/check/inputs/old_base.json tests/golden/check/inputs/shop.toml
