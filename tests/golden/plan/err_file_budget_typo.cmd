plan tests/golden/plan/inputs/budget_typo.toml
