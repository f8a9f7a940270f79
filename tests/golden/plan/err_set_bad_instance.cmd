plan --set web.instance=c9z.huge
