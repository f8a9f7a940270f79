plan examples/blog.toml -f csv
