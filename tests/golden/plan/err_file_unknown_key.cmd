plan tests/golden/plan/inputs/unknown_key.toml
