diff tests/golden/check/inputs/base.json - -f markdown
<tests/golden/diff/inputs/shop_cached.toml
