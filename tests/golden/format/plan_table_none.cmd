plan --breakpoints none
