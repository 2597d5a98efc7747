#!/usr/bin/env bash
# Runs a Distribution 2.8 registry (docker-registry) on loopback for integration tests.
#
#   registry.sh start DIR PORT                         plain HTTP on 127.0.0.1:PORT
#   registry.sh start-secure DIR PORT USER PASSWORD    TLS (self-signed) + htpasswd auth
#   registry.sh stop DIR                               stops it; never fails
#
# DIR holds config.yml, storage/, registry.log and pid (and cert.pem, key.pem, htpasswd).
set -euo pipefail

usage() {
  echo "usage: $0 start DIR PORT | start-secure DIR PORT USER PASSWORD | stop DIR" >&2
  exit 2
}

stop_registry() {
  local dir=$1 pid
  if [[ -f "$dir/pid" ]]; then
    pid=$(cat "$dir/pid" 2>/dev/null || true)
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/pid"
  fi
}

write_config() {
  local dir=$1 port=$2 extra=${3:-}
  mkdir -p "$dir/storage"
  cat >"$dir/config.yml" <<EOF
version: 0.1
log:
  level: info
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $dir/storage
  delete:
    enabled: true
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: 127.0.0.1:$port
  secret: integration-tests-only
$extra
EOF
}

# ensure_port_free PORT — fails when something already listens on 127.0.0.1:PORT.
ensure_port_free() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    echo "port $1 on 127.0.0.1 is already in use" >&2
    return 1
  fi
}

launch() {
  local dir=$1
  : >"$dir/registry.log"
  setsid nohup docker-registry serve "$dir/config.yml" >>"$dir/registry.log" 2>&1 </dev/null &
  echo $! >"$dir/pid"
}

# wait_for DIR EXPECTED_STATUS CURL_ARGS... — polls /v2/ for up to 20 s.
wait_for() {
  local dir=$1 expected=$2 status
  shift 2
  for _ in $(seq 1 200); do
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$@" || true)
    if [[ "$status" == "$expected" ]] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
      break
    fi
    sleep 0.1
  done
  echo "registry in $dir did not answer $expected on $*; log follows:" >&2
  cat "$dir/registry.log" >&2 || true
  stop_registry "$dir"
  return 1
}

start() {
  [[ $# -eq 2 ]] || usage
  local dir port
  mkdir -p "$1"
  dir=$(cd "$1" && pwd)
  port=$2
  stop_registry "$dir"
  ensure_port_free "$port"
  write_config "$dir" "$port"
  launch "$dir"
  wait_for "$dir" 200 "http://127.0.0.1:$port/v2/"
  echo "registry running at 127.0.0.1:$port (pid $(cat "$dir/pid"))"
}

start_secure() {
  [[ $# -eq 4 ]] || usage
  local dir port user password
  mkdir -p "$1"
  dir=$(cd "$1" && pwd)
  port=$2
  user=$3
  password=$4
  stop_registry "$dir"
  ensure_port_free "$port"
  if [[ ! -s "$dir/cert.pem" || ! -s "$dir/key.pem" ]]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 \
      -keyout "$dir/key.pem" -out "$dir/cert.pem" -subj "/CN=127.0.0.1" \
      -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" >/dev/null 2>&1
  fi
  htpasswd -Bbn "$user" "$password" >"$dir/htpasswd"
  write_config "$dir" "$port" "  tls:
    certificate: $dir/cert.pem
    key: $dir/key.pem
auth:
  htpasswd:
    realm: integration-tests
    path: $dir/htpasswd"
  launch "$dir"
  wait_for "$dir" 401 -k "https://127.0.0.1:$port/v2/"
  echo "secure registry running at 127.0.0.1:$port (pid $(cat "$dir/pid"))"
}

[[ $# -ge 1 ]] || usage
command=$1
shift
case "$command" in
  start) start "$@" ;;
  start-secure) start_secure "$@" ;;
  stop)
    [[ $# -eq 1 ]] || usage
    stop_registry "$1" || true
    ;;
  *) usage ;;
esac
