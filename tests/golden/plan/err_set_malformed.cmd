plan --set web.instance
