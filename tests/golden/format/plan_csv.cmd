plan -f csv
