#!/usr/bin/env bash
# Starts what the integration tests need and pushes the Node.js base image:
#   setup.sh DIR PORT SECURE_PORT
# a plain HTTP registry on 127.0.0.1:PORT holding PORT/base/node:20, and a TLS registry with
# htpasswd auth (user itest, password s3cret-pass) on 127.0.0.1:SECURE_PORT.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$1 port=$2 secure_port=$3
# A fresh registry every run: a blob left by an earlier run would hide an upload.
"$here/registry.sh" stop "$dir/registry" || true
"$here/registry.sh" stop "$dir/secure-registry" || true
rm -rf "$dir"
mkdir -p "$dir"
"$here/registry.sh" start "$dir/registry" "$port"
"$here/registry.sh" start-secure "$dir/secure-registry" "$secure_port" itest s3cret-pass
"$here/base-image.sh" "127.0.0.1:$port/base/node:20"
