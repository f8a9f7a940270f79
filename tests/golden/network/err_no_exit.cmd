network tests/golden/network/inputs/no_exit.toml
