plan --point --get web.servers
