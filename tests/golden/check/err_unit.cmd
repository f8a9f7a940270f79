check tests/golden/check/inputs/shop.toml --budget tests/golden/check/inputs/wrong_unit.toml
