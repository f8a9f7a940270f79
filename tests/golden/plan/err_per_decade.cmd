plan --per-decade 1000
