plan tests/golden/plan/inputs/duplicate.toml
