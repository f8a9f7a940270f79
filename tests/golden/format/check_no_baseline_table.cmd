check --budget tests/golden/format/inputs/at_points.toml
