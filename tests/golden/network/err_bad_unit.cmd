network tests/golden/network/inputs/bad_unit.toml
