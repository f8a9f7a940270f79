plan examples/blog.toml -f json
