#!/usr/bin/env bash
# The generated monolith with HTTP (generated-samples/shop, its built jar): time from launching the JVM to the
# first served request (GET /api/v1/ping answered 200), measured from outside the process, over several runs;
# its RSS once it has answered, and again after load (wrk on the ping command). Prints each run and the medians.
# Usage: benchmarks/http/startup.sh [runs] [load-seconds]
#        (after: mvn -B -o install -DskipTests -pl generated-samples/shop/targets/monolith -am)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-11}
load=${2:-10}
jar=generated-samples/shop/targets/monolith/target/shop-monolith-0.1.0-SNAPSHOT.jar
port=18483

rss_mib() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

printf '%4s %10s %14s %14s\n' run first_ms rss_start_mib rss_load_mib
starts=(); idle=(); loaded=()
for run in $(seq 1 "$runs"); do
  begin=$(date +%s%N)
  PURISTA_HTTP_PORT=$port java -jar "$jar" >/dev/null 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/api/v1/ping"; do sleep 0.005; done
  first=$(( ($(date +%s%N) - begin) / 1000000 ))
  sleep 1
  after_start=$(rss_mib "$pid")
  wrk -t2 -c64 -d"${load}s" "http://127.0.0.1:$port/api/v1/ping" >/dev/null
  after_load=$(rss_mib "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  printf '%4s %10s %14s %14s\n' "$run" "$first" "$after_start" "$after_load"
  starts+=("$first"); idle+=("$after_start"); loaded+=("$after_load")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "median: first request after $(median "${starts[@]}") ms; RSS $(median "${idle[@]}") MiB after start, $(median "${loaded[@]}") MiB after ${load}s of load"
