plan -f yaml
