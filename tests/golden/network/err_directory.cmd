network tests/golden/network/inputs
