plan tests/golden/plan/inputs/unknown_table.toml
