plan --set web.instnce=c7i.large
