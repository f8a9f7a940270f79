queue --help
