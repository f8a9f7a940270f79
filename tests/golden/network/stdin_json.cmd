network - -f json
<examples/networks/central_server_open.toml
