validate examples/blog.toml tests/golden/plan/inputs/unknown_key.toml tests/golden/plan/inputs/syntax.toml
