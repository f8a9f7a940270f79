network tests/golden/network/inputs/unknown_key.toml
