plan tests/golden/plan/inputs/out_of_range.toml
