plan tests/golden/plan/inputs/both_users.toml
