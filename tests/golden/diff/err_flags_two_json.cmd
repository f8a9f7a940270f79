diff tests/golden/check/inputs/base.json tests/golden/check/inputs/base.json --set web.cpu_time=1ms
