check tests/golden/check/inputs/shop.toml --set web.cpu_time=40ms --strict
