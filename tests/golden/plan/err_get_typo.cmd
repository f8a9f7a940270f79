plan --get web.sevrers
