plan - --users 10k --get stage
<examples/blog.toml
