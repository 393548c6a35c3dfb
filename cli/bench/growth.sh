#!/usr/bin/env bash
# Whole-process time of `purista add command` in a project of 50 services against the same command in a project
# of one service, measured in one run; docs/benchmarks/cli.md shows the results.
#
#   cli/bench/growth.sh [RUNS]                          (default 21 runs of each)
#   BASELINE=/other/bin/purista cli/bench/growth.sh [RUNS]
#
# Needs a `purista` installed by ./install.sh (PURISTA overrides where it is), python3 and GNU coreutils. Each run
# adds the same command (signUp, to the service `ping`) to its own fresh copy of its project, made before the
# timing starts, so the copy costs neither side anything. The runs alternate, small then large, and the ratio
# large/small is taken pair by pair, so a change of the machine's speed during the run hits both sides alike.
# It reports elapsed (wall) time and processor time (user + system, of the process and what it waited for).
#
# With BASELINE, a second installed purista (for example an older commit's, installed by `./install.sh
# --skip-build` with its own PREFIX and PURISTA_HOME) builds its own pair of projects and is measured in the same
# rounds: baseline small, baseline large, purista small, purista large.
set -euo pipefail

runs=${1:-21}
services=50
commands_per_service=3
purista=${PURISTA:-$(command -v purista || true)}
[ -n "$purista" ] && [ -x "$purista" ] || { echo "growth.sh: no 'purista' on the PATH; run ./install.sh first" >&2; exit 1; }
baseline=${BASELINE:-}
[ -z "$baseline" ] || [ -x "$baseline" ] || { echo "growth.sh: BASELINE '$baseline' is not executable" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# small: the new project's own `ping` service only. large: ping and 49 more services with 3 commands each.
build_projects() {
  local cli=$1 into=$2
  "$cli" new project shop --directory "$into/small" --no-git -B >/dev/null
  cp -r "$into/small" "$into/large"
  for s in $(seq 2 "$services"); do
    "$cli" add service "service$s" --directory "$into/large" -B >/dev/null
    for c in $(seq 1 "$commands_per_service"); do
      "$cli" add command "command$c" --service "service$s" --http "POST:things$c" --emits "service$s.command${c}Done" \
        --directory "$into/large" -B >/dev/null
    done
  done
  echo "large project of $cli: $(grep -c '"name"' "$into/large/purista.json") names in purista.json," \
    "$(find "$into/large/services/src" -name '*.java' | wc -l) Java files"
  for i in $(seq 0 "$runs"); do
    cp -r "$into/small" "$into/small-$i"
    cp -r "$into/large" "$into/large-$i"
  done
}

build_projects "$purista" "$work/purista"
[ -z "$baseline" ] || build_projects "$baseline" "$work/baseline"

# Times each run from outside: wall clock around the process, processor time from wait4 (as /usr/bin/time does).
python3 - "$work" "$runs" "$purista" "$baseline" <<'PY'
import os, statistics, subprocess, sys, time
work, runs = sys.argv[1], int(sys.argv[2])
clis = [("baseline", sys.argv[4])] if sys.argv[4] else []
clis.append(("purista", sys.argv[3]))

def timed(cli, directory):
    start = time.perf_counter()
    process = subprocess.Popen([cli, "add", "command", "signUp", "--service", "ping", "--http", "POST:users",
                                "--emits", "user.signedUp", "--directory", directory, "-B"],
                               stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"growth.sh: {cli} add command failed in {directory}")
    return wall, usage.ru_utime + usage.ru_stime

def pair(name, cli, i):
    return timed(cli, f"{work}/{name}/small-{i}"), timed(cli, f"{work}/{name}/large-{i}")

for name, cli in clis:  # warm-up: the file-system cache, the class-data archive
    pair(name, cli, 0)
pairs = {name: [] for name, _ in clis}
for i in range(1, runs + 1):
    for name, cli in clis:
        pairs[name].append(pair(name, cli, i))
print(f"{runs} rounds, load average {os.getloadavg()[0]:.1f} at the end")
for name, cli in clis:
    print(f"{name} ({cli}):")
    for index, what in ((0, "wall"), (1, "cpu ")):
        small = statistics.median(p[0][index] for p in pairs[name]) * 1000
        large = statistics.median(p[1][index] for p in pairs[name]) * 1000
        ratio = statistics.median(p[1][index] / p[0][index] for p in pairs[name])
        print(f"  {what}: medians 1 service {small:.0f} ms, 50 services {large:.0f} ms, ratio (pair by pair) {ratio:.3f}")
PY
