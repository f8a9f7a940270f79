plan --point
