models instances -f csv
