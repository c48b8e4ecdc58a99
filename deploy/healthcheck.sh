#!/usr/bin/env bash
# Container health check without curl or wget in the image: one HTTP/1.0 GET over bash's /dev/tcp.
# Usage: healthcheck.sh [path] (default /health/ready); exits 0 on a 200 answer, 1 otherwise.
set -u
path="${1:-/health/ready}"
port="${HEALTHCHECK_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$path" >&3
read -r -t 5 status_line <&3 || exit 1
exec 3<&-
case "$status_line" in
  "HTTP/1."?" 200 "*) exit 0 ;;
  *) exit 1 ;;
esac
