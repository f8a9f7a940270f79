check --budget tests/golden/check/inputs/at_30k.toml tests/golden/check/inputs/shop.toml --compare-to tests/golden/check/inputs/base.json -f json
