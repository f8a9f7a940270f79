plan -f tsv
