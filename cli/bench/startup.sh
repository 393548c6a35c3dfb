#!/usr/bin/env bash
# Whole-process start-up of the installed `purista` launcher against its two baselines, all measured in one run:
# `mvn archetype:generate` (quickstart, offline) and a JVM hello-world (the floor, with the launcher's JVM flags
# and without). docs/benchmarks/cli.md shows the results and how to read them.
#
#   cli/bench/startup.sh [RUNS]      (default 21 runs of each command)
#
# Needs hyperfine (Debian: apt-get install hyperfine), python3, Java 17+, Maven, and a `purista` installed by
# ./install.sh (PURISTA and PURISTA_HOME override where they are). The first archetype run is online, to put the
# plugin and the archetype into the local repository; the measured ones are offline.
set -euo pipefail

runs=${1:-21}
purista=${PURISTA:-$(command -v purista || true)}
[ -n "$purista" ] && [ -x "$purista" ] || { echo "startup.sh: no 'purista' on the PATH; run ./install.sh first" >&2; exit 1; }
jar=${PURISTA_HOME:-$HOME/.local/share/purista}/purista-cli.jar
[ -f "$jar" ] || { echo "startup.sh: $jar does not exist; run ./install.sh first" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "startup.sh: hyperfine is required (apt-get install hyperfine)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The launcher's JVM flags without its class-data archive (see install.sh).
flags="-XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=4 -XX:+UseSerialGC -XX:-UsePerfData"

mkdir "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
  > "$work/hello/Hello.java"
javac --release 17 -d "$work/hello" "$work/hello/Hello.java"
hello_flags="java $flags -cp $work/hello Hello"
hello_plain="java -cp $work/hello Hello"

archetype="mvn -B -q org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate
  -DarchetypeGroupId=org.apache.maven.archetypes -DarchetypeArtifactId=maven-archetype-quickstart
  -DarchetypeVersion=1.5 -DgroupId=com.example -DartifactId=demo -DinteractiveMode=false"
archetype=$(echo $archetype)
mkdir "$work/online"
$archetype -DoutputDirectory="$work/online" >/dev/null

# `add command` runs in a copy of this project, made afresh before each run (not timed).
"$purista" new project demo --directory "$work/template" --no-git -B >/dev/null
"$purista" add service user --directory "$work/template" -B >/dev/null
add="add command signUp --service user --http POST:users --emits user.signedUp -B --directory $work/p"
# With -N hyperfine starts every command, the preparations too, without a shell: hence sh -c here.
fresh_project="sh -c 'rm -rf $work/p && cp -R $work/template $work/p'"

echo "== purista new project (no git) against archetype:generate and the hello-world floor"
hyperfine -N --runs "$runs" --warmup 1 --export-json "$work/new.json" \
  --prepare "rm -rf $work/n" --command-name "purista new project" \
    "$purista new project demo --directory $work/n --no-git -B" \
  --prepare "rm -rf $work/a" --command-name "mvn -o archetype:generate" "$archetype -o -DoutputDirectory=$work/a" \
  --prepare "true" --command-name "hello-world, launcher flags" "$hello_flags" \
  --prepare "true" --command-name "hello-world, plain java" "$hello_plain"

echo "== purista add command against the hello-world floor, and without the archive and the flags"
hyperfine -N --runs "$runs" --warmup 1 --export-json "$work/add.json" \
  --prepare "$fresh_project" --command-name "purista add command" "$purista $add" \
  --prepare "$fresh_project" --command-name "java <flags> -jar (no archive)" "java $flags -jar $jar $add" \
  --prepare "$fresh_project" --command-name "java -jar" "java -jar $jar $add" \
  --prepare "true" --command-name "hello-world, launcher flags" "$hello_flags" \
  --prepare "true" --command-name "hello-world, plain java" "$hello_plain"

# Medians, and each command's median over the first command's (hyperfine's own summary uses means).
python3 - "$work/new.json" "$work/add.json" <<'EOF'
import json, sys
for path in sys.argv[1:]:
    results = json.load(open(path))["results"]
    print()
    for r in results:
        print(f'{r["command"]:34s} median {r["median"] * 1000:7.1f} ms')
    first = results[0]
    for r in results[1:]:
        print(f'{first["command"]} / {r["command"]}: {first["median"] / r["median"]:.3f}')
EOF
