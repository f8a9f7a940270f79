plan examples/photo-sharing.toml -f csv
