plan examples/blog.toml
