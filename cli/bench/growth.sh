#!/usr/bin/env bash
# Whole-process time of `purista add command` in a project of 50 services against the same command in a project
# of one service, measured in one run; docs/benchmarks/cli.md shows the results.
#
#   cli/bench/growth.sh [RUNS]      (default 21 runs of each)
#
# Needs a `purista` installed by ./install.sh (PURISTA overrides where it is), python3 and GNU coreutils. Each run
# adds the same command (signUp, to the service `ping`) to its own fresh copy of its project, made before the
# timing starts, so the copy costs neither side anything. The runs alternate, small then large, and the ratio
# large/small is taken pair by pair, so a change of the machine's speed during the run hits both sides alike.
# It reports elapsed (wall) time and processor time (user + system, of the process and what it waited for).
set -euo pipefail

runs=${1:-21}
services=50
commands_per_service=3
purista=${PURISTA:-$(command -v purista || true)}
[ -n "$purista" ] && [ -x "$purista" ] || { echo "growth.sh: no 'purista' on the PATH; run ./install.sh first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# small: the new project's own `ping` service only. large: ping and 49 more services with 3 commands each.
"$purista" new project shop --directory "$work/small" --no-git -B >/dev/null
cp -r "$work/small" "$work/large"
for s in $(seq 2 "$services"); do
  "$purista" add service "service$s" --directory "$work/large" -B >/dev/null
  for c in $(seq 1 "$commands_per_service"); do
    "$purista" add command "command$c" --service "service$s" --http "POST:things$c" --emits "service$s.command${c}Done" \
      --directory "$work/large" -B >/dev/null
  done
done
echo "large project: $(grep -c '"name"' "$work/large/purista.json") names in purista.json," \
  "$(find "$work/large/src" -name '*.java' | wc -l) Java files"

for i in $(seq 0 "$runs"); do
  cp -r "$work/small" "$work/small-$i"
  cp -r "$work/large" "$work/large-$i"
done

# Times each run from outside: wall clock around the process, processor time from wait4 (as /usr/bin/time does).
python3 - "$purista" "$work" "$runs" <<'PY'
import os, statistics, subprocess, sys, time
purista, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])

def timed(directory):
    start = time.perf_counter()
    process = subprocess.Popen([purista, "add", "command", "signUp", "--service", "ping", "--http", "POST:users",
                                "--emits", "user.signedUp", "--directory", directory, "-B"],
                               stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"growth.sh: purista add command failed in {directory}")
    return wall, usage.ru_utime + usage.ru_stime

timed(f"{work}/small-0")  # warm-up: the file-system cache, the class-data archive
timed(f"{work}/large-0")
pairs = [(timed(f"{work}/small-{i}"), timed(f"{work}/large-{i}")) for i in range(1, runs + 1)]
print(f"{runs} pairs, load average {os.getloadavg()[0]:.1f} at the end")
for index, what in ((0, "wall"), (1, "cpu ")):
    small = statistics.median(p[0][index] for p in pairs) * 1000
    large = statistics.median(p[1][index] for p in pairs) * 1000
    ratio = statistics.median(p[1][index] / p[0][index] for p in pairs)
    print(f"{what}: medians 1 service {small:.0f} ms, 50 services {large:.0f} ms, ratio (pair by pair) {ratio:.3f}")
PY
