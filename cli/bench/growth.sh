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

# Nanoseconds of one whole `purista` process.
timed() {
  local start end
  start=$(date +%s%N)
  "$purista" add command signUp --service ping --http POST:users --emits user.signedUp --directory "$1" -B >/dev/null
  end=$(date +%s%N)
  echo $((end - start))
}

timed "$work/small-0" >/dev/null   # warm-up: the file-system cache, the class-data archive
timed "$work/large-0" >/dev/null
: >"$work/times"
for i in $(seq 1 "$runs"); do
  echo "$(timed "$work/small-$i") $(timed "$work/large-$i")" >>"$work/times"
done

python3 - "$work/times" <<'PY'
import statistics, sys
pairs = [tuple(int(x) for x in line.split()) for line in open(sys.argv[1])]
small = statistics.median(p[0] for p in pairs) / 1e6
large = statistics.median(p[1] for p in pairs) / 1e6
ratio = statistics.median(p[1] / p[0] for p in pairs)
print(f"{len(pairs)} pairs, medians: 1 service {small:.0f} ms, 50 services {large:.0f} ms, "
      f"ratio (pair by pair) {ratio:.3f}")
PY
