check --budget tests/golden/check/inputs/nope.toml tests/golden/check/inputs/shop.toml
