plan tests/golden/plan/inputs/date.toml
