diff tests/golden/check/inputs/base.json tests/golden/check/inputs/base.json -f tsv
