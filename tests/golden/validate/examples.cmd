validate examples/photo-sharing.toml examples/blog.toml examples/mobile-api.toml
