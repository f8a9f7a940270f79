check --budget tests/golden/check/inputs/ci.toml --compare-to tests/golden/check/inputs/base.json tests/golden/check/inputs/shop.toml --set web.cpu_time=40ms -f junit
