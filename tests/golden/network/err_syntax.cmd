network tests/golden/network/inputs/syntax.toml
