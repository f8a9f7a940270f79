check tests/golden/check/inputs/shop.toml --budget tests/golden/check/inputs/not_numeric.toml
