plan tests/golden/plan/inputs/nope.toml
