plan --point -f markdown
