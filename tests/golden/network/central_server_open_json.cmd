network examples/networks/central_server_open.toml -f json
