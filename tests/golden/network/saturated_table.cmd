network tests/golden/network/inputs/saturated.toml
