check - --budget tests/golden/check/inputs/ci.toml --compare-to tests/golden/check/inputs/base.json -f junit
<tests/golden/check/inputs/shop.toml
