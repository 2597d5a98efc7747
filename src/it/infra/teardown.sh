#!/usr/bin/env bash
# Stops the registries setup.sh started and any test container left running:
#   teardown.sh DIR
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/registry.sh" stop "$1/registry"
"$here/registry.sh" stop "$1/secure-registry"
exit 0
