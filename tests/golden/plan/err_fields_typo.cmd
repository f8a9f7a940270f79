plan --fields web.servers,db.shrads
