check --budget tests/golden/check/inputs/servers_needed.toml tests/golden/check/inputs/shop.toml --compare-to tests/golden/check/inputs/old_base.json
