check --budget tests/golden/format/inputs/budgets.toml --compare-to tests/golden/format/inputs/base.json -f junit
