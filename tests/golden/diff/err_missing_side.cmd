diff tests/golden/check/inputs/base.json
