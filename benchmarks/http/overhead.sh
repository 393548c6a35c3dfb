#!/usr/bin/env bash
# Requests/s, p50 and p99 of a command exposed by purista-http (validation on) against Undertow's bare handler
# doing the same work, each in a fresh JVM, alternating, for several rounds; ratios per round.
# Usage: benchmarks/http/overhead.sh [rounds] [seconds] [connections]
#        PURISTA_FLAGS adds JVM flags to the command's server only, such as
#        PURISTA_FLAGS="-Dgreeter.idleSpinMicros=0 -Dgreeter.maxConcurrency=16" for other executor settings.
#        (after: mvn -B -o install -pl benchmarks/http -am -DskipTests)
set -euo pipefail
cd "$(dirname "$0")"
rounds=${1:-3}
seconds=${2:-10}
connections=${3:-64}
jar=${JAR:-target/http-benchmarks.jar}
port=18481
flags=(-Xmx256m -XX:+UseSerialGC)

run() { # mode path -> "rps p50 p99"
  local mode=$1 path=$2
  local extra=()
  if [ "$mode" = purista ] && [ -n "${PURISTA_FLAGS:-}" ]; then read -r -a extra <<<"$PURISTA_FLAGS"; fi
  java "${flags[@]}" ${extra[@]+"${extra[@]}"} -cp "$jar" dev.purista.benchmarks.http.OverheadServers "$mode" "$port" 2>/dev/null &
  local pid=$!
  until curl -fs -o /dev/null -H 'Content-Type: application/json' -d '{"name":"a","count":1}' \
      "http://127.0.0.1:$port$path"; do sleep 0.02; done
  wrk -t2 -c"$connections" -d3s -s post-greeting.lua "http://127.0.0.1:$port$path" >/dev/null
  local report
  report=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s post-greeting.lua "http://127.0.0.1:$port$path")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  if grep -q 'Non-2xx' <<<"$report"; then echo "error: $mode answered non-2xx under load" >&2; exit 1; fi
  echo "$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$report") $(awk '$1 == "50%" {print $2}' <<<"$report") \
$(awk '$1 == "99%" {print $2}' <<<"$report")"
}

ms() { # 1.23ms | 456.00us | 1.2s -> milliseconds
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v } else { sub(/s$/, "", v); print v * 1000 } }'
}

printf '%5s %10s %10s %10s %10s %10s %10s %9s %9s %9s\n' round bare_rps bare_p50 bare_p99 purista_rps purista_p50 purista_p99 rps_ratio p50_ratio p99_ratio
for round in $(seq 1 "$rounds"); do
  read -r b_rps b_p50 b_p99 <<<"$(run bare /greet)"
  read -r p_rps p_p50 p_p99 <<<"$(run purista /api/v1/greet)"
  printf '%5s %10s %10s %10s %10s %10s %10s %9.2f %9.2f %9.2f\n' "$round" "$b_rps" "$b_p50" "$b_p99" "$p_rps" "$p_p50" "$p_p99" \
    "$(awk -v a="$p_rps" -v b="$b_rps" 'BEGIN {print a / b}')" \
    "$(awk -v a="$(ms "$p_p50")" -v b="$(ms "$b_p50")" 'BEGIN {print a / b}')" \
    "$(awk -v a="$(ms "$p_p99")" -v b="$(ms "$b_p99")" 'BEGIN {print a / b}')"
done
