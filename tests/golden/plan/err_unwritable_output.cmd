plan --users 10 -f csv -o /nonexistent-dir/plan.csv
