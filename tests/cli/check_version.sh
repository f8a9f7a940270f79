#!/usr/bin/env bash
# `capplan --version` names the newest release of CHANGELOG.md (its first "## [X.Y.Z]" heading).
#
#   check_version.sh CAPPLAN CHANGELOG.md
set -u
bin=${1:?usage: check_version.sh CAPPLAN CHANGELOG.md}
changelog=${2:?usage: check_version.sh CAPPLAN CHANGELOG.md}
release=$(sed -n 's/^## \[\([0-9]*\.[0-9]*\.[0-9]*\)\].*/\1/p' "$changelog" | head -n 1)
[ -n "$release" ] || { echo "$changelog: no '## [X.Y.Z]' heading"; exit 1; }
said=$("$bin" --version)
[ "$said" = "capplan $release" ] || { echo "--version says '$said', $changelog's newest is $release"; exit 1; }
