#!/usr/bin/env bash
# Figures of the generated sample's targets (docs/benchmarks/targets.md):
#   edge      resident memory (VmRSS) after start and its peak (VmHWM) after light load, started by the generated
#             launcher with its small-heap flags, on the MQTT bridge: on the full JDK, and in the bundle; and
#             for reference the bundle on the in-memory bridge, which loads no MQTT client
#   bundle    size of the self-contained edge bundle, and launch-to-ready of its runtime image against the same
#             jar with the same flags on the full JDK (alternating runs)
#   ready     launch-to-ready of a microservice process (UserV1Main on RabbitMQ) against the JVM floor
#             (a hello-world class on the same JDK, same runs)
# Usage: benchmarks/targets/measure.sh [runs]
#   after: mvn -B -o clean install -pl generated-samples/shop/targets/edge,generated-samples/shop/targets/microservice \
#            -am -DskipTests
#          (clean: the shade plugin re-shades an existing jar instead of rebuilding it)
#   needs: Mosquitto on 127.0.0.1:1883, RabbitMQ on 127.0.0.1:5672 (guest/guest), curl
# "Ready" is the first 200 from /healthz/ready, polled every 10 ms. Each figure is the median of the runs.
# Before each edge memory run, the files the process maps (the JVM's library and class-data archive, the runtime's
# modules, the jar) are dropped from the page cache, as after a device boots: a file written moments before, as
# the build has just written the bundle, is wholly cached, and the kernel then maps more of it at each page fault
# (up to 4 MiB more of libjvm.so). Pages another running process maps stay cached.
set -euo pipefail
runs=${1:-7}
root=$(cd "$(dirname "$0")/../.." && pwd)
shop=$root/generated-samples/shop
version=0.1.0-SNAPSHOT
edge_dir=$shop/targets/edge
bundle=$edge_dir/target/bundle
micro_jar=$shop/targets/microservice/target/shop-microservice-$version.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
namespace=bench$$
port=$(( 20000 + $$ % 20000 ))

for file in "$edge_dir/shop-edge" "$bundle/bin/shop-edge" "$micro_jar"; do
  [ -e "$file" ] || { echo "missing $file: build the sample first" >&2; exit 1; }
done

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Starts "$@" in the background with the environment in ${env[@]}, waits for /healthz/ready and prints the
# milliseconds from launch to ready; the process id is left in $pid.
launch_to_ready() {
  local begin
  begin=$(date +%s%N)
  env "${env[@]}" PURISTA_HTTP_PORT=$port "$@" >"$work/out.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz/ready"; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/out.log" >&2; echo "process exited" >&2; exit 1; }
    sleep 0.01
  done
  echo $(( ($(date +%s%N) - begin) / 1000000 ))
}

stop() {
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

# Drops the given files from the page cache (coreutils dd: nocache with count=0 drops the whole file).
uncache() {
  local file
  for file in "$@"; do dd if="$file" iflag=nocache count=0 status=none; done
}

rss_mib() { awk -v field="$1:" '$1 == field { printf "%.1f", $2 / 1024 }' "/proc/$pid/status"; }

# --- edge memory: the generated launcher (small-heap flags), MQTT bridge, on the full JDK and in the bundle ------
# Prints the median resident memory 3 s after ready and the median peak after 2,000 requests, one at a time on one
# kept-alive connection, of "$@" started $runs times.
# $mapped_files are the files to drop from the page cache before each run.
edge_memory() {
  local label=$1
  shift
  : >"$work/rss_start"; : >"$work/rss_load"; : >"$work/ok"; : >"$work/threads"
  for run in $(seq 1 "$runs"); do
    uncache "${mapped_files[@]}"
    launch_to_ready "$@" >/dev/null
    sleep 3
    rss_mib VmRSS >>"$work/rss_start"; echo >>"$work/rss_start"
    awk '$1 == "Threads:" { print $2 }' "/proc/$pid/status" >>"$work/threads"
    curl -s -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$port/api/v1/ping?n=[1-2000]" | grep -c '^200$' >>"$work/ok"
    rss_mib VmHWM >>"$work/rss_load"; echo >>"$work/rss_load"
    stop
  done
  echo "$label RSS after start, MiB (median of $runs): $(median <"$work/rss_start")  runs: $(tr '\n' ' ' <"$work/rss_start")"
  echo "$label peak RSS after 2000 requests, MiB (median of $runs): $(median <"$work/rss_load")  runs: $(tr '\n' ' ' <"$work/rss_load")"
  echo "  requests answered 200 per run: $(tr '\n' ' ' <"$work/ok")  threads after start: $(tr '\n' ' ' <"$work/threads")"
}
mqtt_env=(PURISTA_EVENT_BRIDGE=mqtt PURISTA_MQTT_URL=mqtt://127.0.0.1:1883 PURISTA_MQTT_TOPIC_PREFIX=$namespace)
env=("${mqtt_env[@]}")
jdk_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
runtime_files() { echo "$1/lib/server/libjvm.so" "$1/lib/server/classes.jsa" "$1/lib/modules"; }
read -ra mapped_files <<<"$(runtime_files "$jdk_home") $edge_dir/target/shop-edge-$version.jar"
edge_memory "edge (full JDK)" sh "$edge_dir/shop-edge"
read -ra mapped_files <<<"$(runtime_files "$bundle/runtime") $bundle/lib/shop-edge.jar"
edge_memory "edge (bundle)" "$bundle/bin/shop-edge"
# For reference, what the MQTT client costs: the same bundle on the in-memory bridge (no MQTT client loaded).
env=(PURISTA_EVENT_BRIDGE=memory)
edge_memory "edge (bundle, in-memory bridge)" "$bundle/bin/shop-edge"

# --- edge bundle: size, and start-up of its runtime image against the full JDK -------------------------------
echo "bundle size, MiB: $(du -sk "$bundle" | awk '{ printf "%.1f", $1 / 1024 }') (runtime image $(du -sk "$bundle/runtime" | awk '{ printf "%.1f", $1 / 1024 }'), jar $(du -sk "$bundle/lib" | awk '{ printf "%.1f", $1 / 1024 }'))"
echo "full JDK, MiB: $(du -sk "$jdk_home" | awk '{ printf "%.1f", $1 / 1024 }')"
env=("${mqtt_env[@]}")
: >"$work/bundle_ms"; : >"$work/jdk_ms"
for run in $(seq 1 "$runs"); do
  launch_to_ready "$bundle/bin/shop-edge" >>"$work/bundle_ms"; stop
  launch_to_ready sh "$edge_dir/shop-edge" >>"$work/jdk_ms"; stop
done
b=$(median <"$work/bundle_ms"); j=$(median <"$work/jdk_ms")
echo "edge launch to ready, ms (median of $runs): bundle $b, full JDK $j, ratio $(awk -v b="$b" -v j="$j" 'BEGIN { printf "%.2f", b / j }')"
echo "  bundle runs: $(tr '\n' ' ' <"$work/bundle_ms")  full JDK runs: $(tr '\n' ' ' <"$work/jdk_ms")"

# --- microservice: launch to ready on RabbitMQ, against the JVM floor -------------------------------------------
mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' >"$work/hello/Hello.java"
javac -d "$work/hello" "$work/hello/Hello.java"
env=(PURISTA_EVENT_BRIDGE=amqp PURISTA_AMQP_URL=amqp://guest:guest@127.0.0.1:5672 PURISTA_AMQP_EXCHANGE=$namespace
  PURISTA_AMQP_NAME_PREFIX=$namespace)
: >"$work/micro_ms"; : >"$work/hello_ms"
for run in $(seq 1 "$runs"); do
  launch_to_ready java -cp "$micro_jar" com.example.shop.bootstrap.microservice.UserV1Main >>"$work/micro_ms"; stop
  begin=$(date +%s%N); java -cp "$work/hello" Hello >/dev/null; echo $(( ($(date +%s%N) - begin) / 1000000 )) >>"$work/hello_ms"
done
m=$(median <"$work/micro_ms"); h=$(median <"$work/hello_ms")
echo "microservice launch to ready, ms (median of $runs): $m; JVM hello-world $h; ratio $(awk -v m="$m" -v h="$h" 'BEGIN { printf "%.1f", m / h }')"
echo "  microservice runs: $(tr '\n' ' ' <"$work/micro_ms")  hello runs: $(tr '\n' ' ' <"$work/hello_ms")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
