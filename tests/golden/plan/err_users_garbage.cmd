plan --users lots
