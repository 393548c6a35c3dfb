#!/usr/bin/env bash
# Start-up time, resident memory and wrk throughput of the bare JSON handler on each server candidate.
# Usage: benchmarks/http/compare-servers.sh [rounds] [seconds]   (after: mvn -B -o package -pl benchmarks/http)
# Each round starts every server once, in turn, in a fresh JVM with the same flags, so that the spread between
# rounds shows how much the shared machine moved the figures.
set -euo pipefail
cd "$(dirname "$0")"
rounds=${1:-3}
seconds=${2:-10}
jar=target/http-benchmarks.jar
port=18480
url="http://127.0.0.1:$port/greet"
# The JDK server writes headers and body in separate packets; without TCP_NODELAY every response waits for
# the client's delayed ACK (~40 ms). The property is the JDK server's documented switch; the others set it themselves.
flags=(-Xmx256m -XX:+UseSerialGC -Dsun.net.httpserver.nodelay=true)

printf '%-9s %5s %10s %10s %10s %10s %10s %10s\n' server round start_ms idle_rss_mb load_rss_mb req_per_s p50_ms p99_ms
for round in $(seq 1 "$rounds"); do
  for server in jdk undertow jetty vertx; do
    begin=$(date +%s%N)
    java "${flags[@]}" -jar "$jar" "$server" "$port" 2>/dev/null &
    pid=$!
    until curl -fs -o /dev/null -H 'Content-Type: application/json' -d '{"name":"a","count":1}' "$url"; do
      sleep 0.005
    done
    started=$(( ($(date +%s%N) - begin) / 1000000 ))
    idle_rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
    wrk -t2 -c64 -d3s -s post-greeting.lua "$url" >/dev/null
    report=$(wrk -t2 -c64 -d"${seconds}s" --latency -s post-greeting.lua "$url")
    load_rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
    rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$report")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$report")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$report")
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    printf '%-9s %5s %10s %10s %10s %10s %10s %10s\n' "$server" "$round" "$started" "$idle_rss" "$load_rss" "$rps" "$p50" "$p99"
  done
done
