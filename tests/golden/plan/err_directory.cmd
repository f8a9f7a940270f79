plan tests/golden/plan/inputs
