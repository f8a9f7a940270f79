network examples/networks/thread_pool_closed.toml -f csv
