network tests/golden/network/inputs/nope.toml
