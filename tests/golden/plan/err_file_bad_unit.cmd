plan tests/golden/plan/inputs/bad_unit.toml
