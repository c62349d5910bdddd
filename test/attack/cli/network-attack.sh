#!/bin/sh
# Checks which addresses `npm start` connects to, inside a private network namespace whose only
# interface is loopback, so no packet can leave the machine whatever the CLI does. strace records
# every connect() call, and any AF_INET line that is not 127.0.0.1 is an attempt to reach another host.
#
# Usage (as root, needs unshare and strace): sh test/attack/cli/network-attack.sh [OUT_DIR]
# Exit status is 0 when nothing but 127.0.0.1 was contacted, 1 otherwise.
set -u
cd "$(dirname "$0")/../../.." || exit 1
OUT=${1:-/tmp/network-attack}
mkdir -p "$OUT"
export ATTACK_TOKEN=attack-token

exec unshare -n sh -s "$OUT" <<'INNER'
OUT=$1
ip link set lo up
status=0

run() {
  name=$1
  shift
  timeout 180 strace -f -qq -e trace=connect -o "$OUT/$name.strace" \
    node --import tsx local/cli/start.ts --file examples/inventory.xlsx --settings examples/settings.json \
    --out "$OUT/$name.xlsx" --report "$OUT/$name.json" "$@" >"$OUT/$name.log" 2>&1
  code=$?
  outside=$(grep 'AF_INET' "$OUT/$name.strace" | grep -v '127\.0\.0\.1' | grep -o 'inet_addr("[^"]*")\|inet_pton([^)]*)' | sort | uniq -c | tr '\n' ' ')
  echo "$name: exit $code; connects outside 127.0.0.1: ${outside:-none}"
  [ -n "$outside" ] && status=1
}

run default-emulator
run https-private-address --joor-url https://10.255.255.1/v2 --token-env ATTACK_TOKEN
run http-private-address --joor-url http://10.255.255.1/v2 --token-env ATTACK_TOKEN
run localhost-name --joor-url http://localhost:9/v2 --token-env ATTACK_TOKEN
run ipv6-loopback --joor-url 'http://[::1]:9/v2' --token-env ATTACK_TOKEN

# A loopback server that redirects every request to a private address.
REDIRECT_TO=http://10.255.255.2/v2/bulk-inventory node --import tsx test/attack/cli/redirect-server.ts \
  >"$OUT/redirect-url.txt" 2>"$OUT/redirect-server.log" &
server=$!
for _ in 1 2 3 4 5 6 7 8 9 10; do [ -s "$OUT/redirect-url.txt" ] && break; sleep 1; done
run redirect-off-loopback --joor-url "$(cat "$OUT/redirect-url.txt")/v2" --token-env ATTACK_TOKEN
kill "$server"
exit $status
INNER
