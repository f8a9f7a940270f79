check --budget tests/golden/check/inputs/typo.toml tests/golden/check/inputs/shop.toml
