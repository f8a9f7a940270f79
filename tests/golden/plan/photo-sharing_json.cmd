plan examples/photo-sharing.toml -f json
