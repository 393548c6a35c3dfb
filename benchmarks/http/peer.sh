#!/usr/bin/env bash
# Requests/s and latency of the Hono peer (benchmarks/hono-peer: Hono on @hono/node-server into @purista/core's
# DefaultEventBridge with zod) against purista-http serving the same signup command (PeerServer), each a fresh
# process, alternating, for several rounds; ratios per round. Uses the peer's wrk script (its JSON summary line).
# Usage: benchmarks/http/peer.sh [rounds] [seconds] [connections]
#        (after: mvn -B -o install -pl benchmarks/http -am -DskipTests)
set -euo pipefail
cd "$(dirname "$0")"
rounds=${1:-3}
seconds=${2:-15}
connections=${3:-64}
jar=target/http-benchmarks.jar
port=18482
lua=../hono-peer/signup.lua
body='{"email":"ada@example.com","password":"correct horse","name":"Ada Lovelace"}'

run() { # java|node -> the wrk script's JSON line
  local side=$1
  if [ "$side" = java ]; then
    java -Xmx256m -XX:+UseSerialGC -cp "$jar" dev.purista.benchmarks.http.PeerServer "$port" >/dev/null 2>&1 &
  else
    ../hono-peer/run.sh "$port" 127.0.0.1 >/dev/null 2>&1 &
  fi
  local pid=$!
  until curl -fs -o /dev/null -H 'Content-Type: application/json' -d "$body" \
      "http://127.0.0.1:$port/api/v1/user/signup"; do sleep 0.05; done
  wrk -t2 -c"$connections" -d5s --timeout 10s -s "$lua" "http://127.0.0.1:$port" >/dev/null
  local report
  report=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$lua" "http://127.0.0.1:$port" | tail -1)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  if ! grep -q '"not_200":0,"socket_errors":0' <<<"$report"; then echo "error: $side: $report" >&2; exit 1; fi
  echo "$report"
}

field() { sed -E "s/.*\"$1\":([0-9]+).*/\1/" <<<"$2"; }

printf '%5s %9s %9s %9s %9s %9s %9s %9s %9s\n' round hono_rps hono_p50 hono_p99 java_rps java_p50 java_p99 rps_ratio p99_ratio
for round in $(seq 1 "$rounds"); do
  node_line=$(run node)
  java_line=$(run java)
  nr=$(field requests_per_s "$node_line"); jr=$(field requests_per_s "$java_line")
  n50=$(field p50_us "$node_line"); j50=$(field p50_us "$java_line")
  n99=$(field p99_us "$node_line"); j99=$(field p99_us "$java_line")
  printf '%5s %9s %7.2fms %7.2fms %9s %7.2fms %7.2fms %9.2f %9.2f\n' "$round" "$nr" "$(awk -v v="$n50" 'BEGIN{print v/1000}')" \
    "$(awk -v v="$n99" 'BEGIN{print v/1000}')" "$jr" "$(awk -v v="$j50" 'BEGIN{print v/1000}')" \
    "$(awk -v v="$j99" 'BEGIN{print v/1000}')" "$(awk -v a="$jr" -v b="$nr" 'BEGIN{print a/b}')" \
    "$(awk -v a="$j99" -v b="$n99" 'BEGIN{print a/b}')"
done
