plan --breakpoints all
