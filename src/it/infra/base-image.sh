#!/usr/bin/env bash
# Builds a small Node.js base image from this machine's own node, npm, glibc and busybox, and
# pushes it (Docker v2s2) to a loopback registry over plain HTTP.
#
#   base-image.sh REF        e.g. base-image.sh 127.0.0.1:5000/base/node:20
#
# The image holds /usr/local/bin/node, the shared libraries it needs (plus librt, libresolv,
# libutil, libnss_files, libnss_dns and libz), npm under /usr/lib/node_modules/npm, busybox at
# /bin/busybox with relative applet links, users root (0), node (1000) and nonroot (65532),
# a 1777 /tmp and the CA bundle. All file times are fixed so that rebuilds give the same layer.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 REF" >&2
  exit 2
fi
ref=$1
epoch=946684800 # 2000-01-01T00:00:00Z
created=2000-01-01T00:00:00Z

find_node() {
  local candidate
  for candidate in /usr/local/bin/node /usr/bin/node "$(command -v node || true)"; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then
      readlink -f "$candidate"
      return 0
    fi
  done
  echo "no node binary found" >&2
  return 1
}

find_npm() {
  local node_prefix
  node_prefix=$(dirname "$(dirname "$1")")
  for candidate in /usr/lib/node_modules/npm "$node_prefix/lib/node_modules/npm"; do
    if [[ -f "$candidate/bin/npm-cli.js" ]]; then
      echo "$candidate"
      return 0
    fi
  done
  echo "npm not found next to $1" >&2
  return 1
}

find_busybox() {
  local candidate
  for candidate in /bin/busybox /usr/bin/busybox; do
    if [[ -x "$candidate" ]] && ! ldd "$candidate" >/dev/null 2>&1; then
      echo "$candidate"
      return 0
    fi
  done
  echo "a static busybox is needed (apt-get install busybox-static)" >&2
  return 1
}

# copy_lib SOURCE — copies a shared library (resolving links) to the same path in the rootfs.
copy_lib() {
  local source=$1
  mkdir -p "$rootfs$(dirname "$source")"
  cp -L "$source" "$rootfs$source"
}

shared_libs() {
  local name
  ldd "$1" | awk '/=> \// { print $3 } /^[ \t]*\/[^ ]*ld-linux/ { print $1 }'
  for name in librt.so.1 libresolv.so.2 libutil.so.1 libnss_files.so.2 libnss_dns.so.2 libz.so.1; do
    ldconfig -p | awk -v n="$name" '$1 == n && /x86-64/ { print $NF; exit }'
  done
}

install_node() {
  local node=$1 npm=$2 lib
  mkdir -p "$rootfs/usr/local/bin" "$rootfs/usr/bin" "$rootfs/usr/lib/node_modules"
  cp "$node" "$rootfs/usr/local/bin/node"
  for lib in $(shared_libs "$node" | sort -u); do
    copy_lib "$lib"
  done
  cp -a "$npm" "$rootfs/usr/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/bin/npx"
}

install_busybox() {
  local busybox=$1 applet
  mkdir -p "$rootfs/bin" "$rootfs/usr/bin"
  cp "$busybox" "$rootfs/bin/busybox"
  for applet in sh ash awk basename cat chgrp chmod chown cp cut date dirname du echo egrep \
    expr false find grep gunzip gzip head hostname id kill ln ls mkdir mktemp mv nproc printf \
    ps pwd readlink realpath rm rmdir sed seq sleep sort stat tail tar tee test timeout touch \
    tr true uname uniq unzip wc wget which whoami xargs zcat; do
    ln -s busybox "$rootfs/bin/$applet"
  done
  ln -s ../../bin/busybox "$rootfs/usr/bin/env"
}

install_etc() {
  mkdir -p "$rootfs/etc/ssl/certs" "$rootfs/home/node" "$rootfs/root" "$rootfs/tmp"
  cat >"$rootfs/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
node:x:1000:1000:node:/home/node:/bin/sh
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
EOF
  cat >"$rootfs/etc/group" <<'EOF'
root:x:0:
node:x:1000:
nonroot:x:65532:
EOF
  printf 'hosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
  printf '127.0.0.1 localhost\n::1 localhost\n' >"$rootfs/etc/hosts"
  cp -L /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/ca-certificates.crt"
  chown 1000:1000 "$rootfs/home/node" 2>/dev/null || true
  chmod 700 "$rootfs/root"
  chmod 1777 "$rootfs/tmp"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
layout="$work/oci"
bundle="$work/bundle"
rootfs="$bundle/rootfs"

umoci init --layout "$layout"
umoci new --image "$layout:img"
if [[ $EUID -eq 0 ]]; then
  umoci unpack --image "$layout:img" "$bundle" >/dev/null
else
  # Rootless unpacking records every file as root, so /home/node will not belong to node.
  echo "warning: not root, /home/node will be owned by root in the image" >&2
  umoci unpack --rootless --image "$layout:img" "$bundle" >/dev/null
fi
node=$(find_node)
install_node "$node" "$(find_npm "$node")"
install_busybox "$(find_busybox)"
install_etc
find "$rootfs" -exec touch -h -d "@$epoch" {} +
umoci repack --image "$layout:img" --history.created "$created" \
  --history.created_by "base-image.sh: node $("$node" --version)" "$bundle"
umoci config --image "$layout:img" --no-history --created "$created" \
  --architecture amd64 --os linux \
  --config.env PATH=/usr/local/bin:/usr/bin:/bin \
  --config.env NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt \
  --config.cmd node
skopeo copy --quiet --dest-tls-verify=false --format v2s2 "oci:$layout:img" "docker://$ref"
echo "$ref"
