init examples/blog.toml
