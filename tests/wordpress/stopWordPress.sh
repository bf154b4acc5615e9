#!/usr/bin/env bash
# Stops the php -S that startWordPress.sh started. MariaDB and the site's data stay, so the next start is quick.
# Usage: stopWordPress.sh [PORT]   (default: the port in the state file, else 8089)
set -uo pipefail

state="${DATELINE_WP_STATE:-/tmp/dateline-wordpress.json}"
field() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" "$state" 2>/dev/null; }
port="${1:-$(field port)}"
port="${port:-8089}"
pid=$(field pid)

# The recorded pid leads a process group holding the workers; pkill catches a server started some other way.
stop() {
  [ -n "$pid" ] && kill "-$1" -- "-$pid" 2>/dev/null
  pkill "-$1" -f "^php -S 127\.0\.0\.1:$port "
}
# curl's 7 is "connection refused": a slow answer still means a server.
stopped() { curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/readme.html"; [ $? = 7 ]; }

stop TERM
for _ in $(seq 50); do stopped && break; sleep 0.1; done
stopped || { stop KILL; sleep 0.5; }
if stopped; then echo "WordPress on port $port stopped"; else echo "port $port still answers" >&2; exit 1; fi
