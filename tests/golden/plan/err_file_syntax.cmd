plan tests/golden/plan/inputs/syntax.toml
