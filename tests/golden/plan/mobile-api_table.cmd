plan examples/mobile-api.toml
