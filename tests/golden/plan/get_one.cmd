plan --users 250k --get web.servers
