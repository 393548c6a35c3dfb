#!/usr/bin/env bash
# Whole-process time of target generation, all measured in one run, interleaved round by round:
#   - `purista gen bootstrap --target all` (in a fresh copy of a two-service monolith project) against a JVM
#     hello-world with the launcher's flags (the floor);
#   - `purista add command` in a project with all four targets against the same project with the monolith only.
# docs/benchmarks/cli.md shows the results and how to read them.
#
#   cli/bench/targets.sh [RUNS]      (default 21 rounds)
#
# Needs python3, Java 17+, and a `purista` installed by ./install.sh (PURISTA overrides which one).
set -euo pipefail

runs=${1:-21}
purista=${PURISTA:-$(command -v purista || true)}
[ -n "$purista" ] && [ -x "$purista" ] || { echo "targets.sh: no 'purista' on the PATH; run ./install.sh first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The launcher's JVM flags (see install.sh), for the floor.
flags="-XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=4 -XX:+UseSerialGC -XX:-UsePerfData"
mkdir "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
  > "$work/hello/Hello.java"
javac --release 17 -d "$work/hello" "$work/hello/Hello.java"

"$purista" new project demo --directory "$work/monolith" --no-git -B >/dev/null
"$purista" add service user --directory "$work/monolith" -B >/dev/null
"$purista" add service email --directory "$work/monolith" -B >/dev/null
cp -R "$work/monolith" "$work/all"
"$purista" gen bootstrap --target all --bridge amqp --directory "$work/all" >/dev/null

python3 - "$runs" "$work" "$purista" "$flags" <<'PY'
import shutil, statistics, subprocess, sys, time
runs, work, purista, flags = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4].split()

def timed(command, prepare=None):
    if prepare:
        prepare()
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start

def fresh(source):
    def prepare():
        shutil.rmtree(f"{work}/p", ignore_errors=True)
        shutil.copytree(f"{work}/{source}", f"{work}/p")
    return prepare

add = [purista, "add", "command", "signUp", "--service", "user", "--http", "POST:users", "--emits",
       "user.signedUp", "-B", "--directory", f"{work}/p"]
cases = {
    "hello-world, launcher flags": ([ "java", *flags, "-cp", f"{work}/hello", "Hello"], None),
    "purista gen bootstrap --target all": (
        [purista, "gen", "bootstrap", "--target", "all", "--bridge", "amqp", "--directory", f"{work}/p"],
        fresh("monolith")),
    "purista add command, monolith only": (add, fresh("monolith")),
    "purista add command, all four targets": (add, fresh("all")),
}
for name, (command, prepare) in cases.items():  # warm-up
    timed(command, prepare)
times = {name: [] for name in cases}
for _ in range(runs):
    for name, (command, prepare) in cases.items():
        times[name].append(timed(command, prepare))
median = {name: statistics.median(values) for name, values in times.items()}
for name, value in median.items():
    print(f"{name:40s} median {value * 1000:7.1f} ms")
print(f"gen bootstrap --target all / hello-world: {median['purista gen bootstrap --target all'] / median['hello-world, launcher flags']:.2f}")
print(f"add command, all four / monolith only:   {median['purista add command, all four targets'] / median['purista add command, monolith only']:.3f}")
PY
