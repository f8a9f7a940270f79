diff tests/golden/check/inputs/base.json tests/golden/diff/inputs/two_points.json
