check --budget tests/golden/check/inputs/ci.toml tests/golden/check/inputs/shop.toml
