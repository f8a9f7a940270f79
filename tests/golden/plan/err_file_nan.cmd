plan tests/golden/plan/inputs/nan.toml
