plan tests/golden/plan/inputs/unknown_instance.toml
