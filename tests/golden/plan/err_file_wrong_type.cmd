plan tests/golden/plan/inputs/wrong_type.toml
