plan -f markdown --breakpoints all
