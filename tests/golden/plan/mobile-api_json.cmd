plan examples/mobile-api.toml -f json
