network examples/networks/web_open.toml -f csv
