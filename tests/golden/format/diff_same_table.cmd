diff tests/golden/format/inputs/next.json tests/golden/format/inputs/next.json
