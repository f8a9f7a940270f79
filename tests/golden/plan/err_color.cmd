plan --color sometimes
