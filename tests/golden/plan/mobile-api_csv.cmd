plan examples/mobile-api.toml -f csv
