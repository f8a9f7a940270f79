plan tests/golden/plan/inputs/negative.toml
