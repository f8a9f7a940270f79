diff tests/golden/format/inputs/base.json tests/golden/format/inputs/next.json -f markdown
