plan --users 1k,100k,1M -f markdown
