plan examples/photo-sharing.toml
