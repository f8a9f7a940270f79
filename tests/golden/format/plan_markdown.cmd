plan -f markdown
