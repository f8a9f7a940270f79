plan --set web.instance=c7i.2xlarge examples/blog.toml --users 1M --get web.servers
