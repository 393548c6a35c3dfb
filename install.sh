#!/usr/bin/env bash
# Installs purista for Java on this machine: the runtime modules into the local Maven repository (so that
# generated projects build offline), and the `purista` launcher.
#
#   ./install.sh                build and install everything (idempotent: run it again after pulling)
#   ./install.sh --skip-build   install the launcher from the CLI jar already built in cli/target, without Maven
#   ./install.sh --uninstall    remove the launcher and the data directory, nothing else
#   ./install.sh --help
#
# PREFIX (default ~/.local/bin) is where the launcher goes; PURISTA_HOME (default ~/.local/share/purista) holds
# the CLI jar and its class-data archive. Give both again to --uninstall if you changed them.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: ./install.sh [--skip-build | --uninstall | --help]

Installs purista for Java: builds the runtime modules and the CLI with Maven and installs them into the local
Maven repository (generated projects then build offline), then installs the `purista` launcher.

  --skip-build  Install the launcher from the CLI jar already built in cli/target; Maven is not run.
  --uninstall   Remove the launcher and the data directory (PURISTA_HOME), and nothing else.
  -h, --help    Show this help.

Environment:
  PREFIX        Where the launcher goes (default: ~/.local/bin).
  PURISTA_HOME  Where the CLI jar and its class-data archive go (default: ~/.local/share/purista).
  JAVA_HOME     The Java to build and run with; without it, the `java` on the PATH.

Running it again replaces the installation. The launcher starts the CLI with a class-data archive (AppCDS)
made at install time for the Java it found then; after a Java update it still works, only slower, until you
run ./install.sh again.
EOF
}

fail() { echo "install.sh: $*" >&2; exit 1; }

mode=install
case "${1:-}" in
  "") ;;
  --skip-build) mode=skip-build ;;
  --uninstall) mode=uninstall ;;
  -h|--help) usage; exit 0 ;;
  *) usage >&2; fail "unknown option '$1'" ;;
esac
[ $# -le 1 ] || { usage >&2; fail "give at most one option"; }

absolute() { case $1 in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
PREFIX=$(absolute "${PREFIX:-$HOME/.local/bin}")
PURISTA_HOME=$(absolute "${PURISTA_HOME:-$HOME/.local/share/purista}")
case "$PREFIX$PURISTA_HOME" in
  *"'"*) fail "PREFIX and PURISTA_HOME must not contain a single quote ('): the launcher quotes its paths with it" ;;
esac
launcher="$PREFIX/purista"
jar="$PURISTA_HOME/purista-cli.jar"
archive="$PURISTA_HOME/purista.jsa"
# A line of every launcher this script writes; only a file carrying it is ever replaced or removed.
launcher_marker="# purista launcher, written by install.sh of purista for Java"

is_our_launcher() { [ -f "$launcher" ] && grep -qF "$launcher_marker" "$launcher"; }

uninstall() {
  if [ ! -e "$launcher" ] && [ ! -e "$PURISTA_HOME" ]; then
    echo "purista is not installed at $launcher; nothing to remove."
    return
  fi
  if [ -e "$launcher" ] && ! is_our_launcher; then
    fail "$launcher was not written by install.sh; not removing it"
  fi
  rm -f "$launcher"
  # Only the files this script puts there, so that a PURISTA_HOME set by mistake to a busy directory loses
  # nothing else; then the directory itself if that left it empty.
  rm -f "$jar" "$archive"
  if [ -d "$PURISTA_HOME" ]; then
    rmdir "$PURISTA_HOME" 2>/dev/null || echo "install.sh: left $PURISTA_HOME in place: it holds other files" >&2
  fi
  echo "Removed the purista launcher ($launcher) and its data ($PURISTA_HOME)."
  echo "The runtime modules stay in the local Maven repository, where Maven manages them."
}

if [ "$mode" = uninstall ]; then
  uninstall
  exit 0
fi

cd "$(dirname "$0")"

# The same Java as the launcher will run: JAVA_HOME's, else the one on the PATH (as Maven chooses it, too).
if [ -n "${JAVA_HOME:-}" ]; then
  java_cmd="$JAVA_HOME/bin/java"
  [ -x "$java_cmd" ] || fail "JAVA_HOME is $JAVA_HOME, but $java_cmd is not an executable; fix or unset JAVA_HOME"
else
  command -v java >/dev/null || fail "Java 17 or newer is required: 'java' is not on the PATH (Debian: apt-get install openjdk-17-jdk)"
  java_cmd=$(command -v java)
fi

java_major() {
  "$java_cmd" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1
}

major=$(java_major)
[ -n "$major" ] && [ "${major%%.*}" -ge 17 ] 2>/dev/null || fail "Java 17 or newer is required; found Java ${major:-unknown} ($java_cmd)"

version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
built_jar="cli/target/purista-cli-$version.jar"

if [ "$mode" = install ]; then
  command -v mvn >/dev/null || fail "Apache Maven is required: 'mvn' is not on the PATH (Debian: apt-get install maven)"
  echo "Building and installing the runtime modules and the CLI into the local Maven repository..."
  mvn -B -q install -DskipTests
  echo "Installed the purista runtime $version into the local Maven repository."
fi
[ -f "$built_jar" ] || fail "$built_jar does not exist; run ./install.sh without --skip-build first"
if [ -e "$launcher" ] && ! is_our_launcher; then
  fail "$launcher exists and was not written by install.sh; move it away or choose another PREFIX"
fi

mkdir -p "$PREFIX" "$PURISTA_HOME"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The jar keeps one name, so that the archive (which records the class path) and the launcher stay valid
# across versions. Copied, then renamed: a purista started meanwhile sees the old jar or the new, never half.
cp "$built_jar" "$PURISTA_HOME/.purista-cli.jar.new"
mv -f "$PURISTA_HOME/.purista-cli.jar.new" "$jar"
rm -f "$archive"

# Class-data archive (AppCDS): the classes the CLI loads, parsed and verified once here instead of in every run.
# A static archive from a class list, not -XX:ArchiveClassesAtExit: the list merges several commands' runs, and
# Java 17 leaves picocli out of dynamic archives (its classes are of the Java 5 format; static ones take them).
train() {
  local list=$1; shift
  "$java_cmd" -XX:DumpLoadedClassList="$work/$list.classlist" -jar "$jar" "$@" >>"$work/training.log" 2>&1 \
    || { cat "$work/training.log" >&2; fail "the CLI failed while making its class-data archive: purista $*"; }
}
echo "Making the class-data archive for a fast start..."
mkdir "$work/projects"
(
  cd "$work/projects"
  train help --help
  train new new project training --group-id org.example
  cd training
  train service add service user --description "Manages user accounts"
  train command add command signUp --service user --http POST:users --emits user.signedUp
  train subscription add subscription welcome --service user --event user.signedUp
  train list list
  train json list --json
  train regenerate regenerate --dry-run
)
# The lists hold class names (plus lambda and method-handle shapes), so merging them is a union: keep the first of
# each line. Newer JVMs number the classes of each list ("id: 12"); the numbers clash between lists and matter only
# to classes of other class loaders ("source:"), which the CLI does not have, so both go. awk, not cat: a list's
# last line may lack its newline when the JVM exits.
awk '/ source: / { next } { sub(/ id: [0-9]+$/, "") } !seen[$0]++' "$work"/*.classlist > "$work/purista.classlist"
if "$java_cmd" -Xshare:dump -XX:SharedClassListFile="$work/purista.classlist" -XX:SharedArchiveFile="$archive" \
    -cp "$jar" >"$work/dump.log" 2>&1 \
  && "$java_cmd" -Xshare:on -XX:SharedArchiveFile="$archive" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -jar "$jar" --version >/dev/null 2>>"$work/dump.log"; then
  archive_note="with a class-data archive for $("$java_cmd" -version 2>&1 | head -n 1)"
else
  rm -f "$archive"
  tail -n 5 "$work/dump.log" >&2
  echo "install.sh: warning: this Java could not make a class-data archive; purista works, but starts slower" >&2
  archive_note="without a class-data archive"
fi

# The archive fits only the Java that made it. Another Java rejects it, with a warning, and then runs with no
# shared classes at all, slower than without asking for it. So the launcher uses the archive only while the Java
# binary is the same file (device, inode, size, time): an update or a switch to another Java replaces it.
# GNU stat; where it differs, the fingerprint never matches and the launcher runs without the archive.
java_fingerprint=$(stat -L -c '%d:%i:%s:%Y' "$java_cmd" 2>/dev/null || echo unknown)

cat >"$launcher.new" <<EOF
#!/bin/sh
$launcher_marker $version.
# Run install.sh again to update it; 'install.sh --uninstall' removes it. PURISTA_JAVA_OPTS adds JVM options.
#
# Flags for a process that lives a fraction of a second: the class-data archive made at install time,
# C1 only (C2 would not pay off before the process ends), and only for methods run 4x as often as by default
# (compiling the rest cost more than it saved), the serial collector (nothing to collect in parallel), no
# perf-data file. JVM log output goes to stderr only, so that stdout stays the command's own (list --json).
jar='$jar'
archive='$archive'
if [ -n "\${JAVA_HOME:-}" ]; then
  java="\$JAVA_HOME/bin/java"
else
  # The java on the PATH, found by the shell itself: 'command -v' in a subshell would cost a process.
  java=java saved_ifs=\$IFS
  set -f; IFS=:
  for dir in \$PATH; do
    if [ -f "\${dir:-.}/java" ] && [ -x "\${dir:-.}/java" ]; then java="\${dir:-.}/java"; break; fi
  done
  set +f; IFS=\$saved_ifs
fi
set -- -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=4 -XX:+UseSerialGC -XX:-UsePerfData \\
  -Xlog:disable -Xlog:all=warning:stderr \\
  \${PURISTA_JAVA_OPTS:-} -jar "\$jar" "\$@"
# Only with the Java it was made for (see install.sh); any other Java runs without it, just slower.
if [ -f "\$archive" ] && [ "\$(stat -L -c '%d:%i:%s:%Y' "\$java" 2>/dev/null)" = '$java_fingerprint' ]; then
  exec "\$java" -XX:SharedArchiveFile="\$archive" -Xshare:auto "\$@"
fi
exec "\$java" "\$@"
EOF
chmod 755 "$launcher.new"
mv -f "$launcher.new" "$launcher"

echo "Installed the purista launcher $version: $launcher ($archive_note)."
case ":$PATH:" in
  *":$PREFIX:"*) ;;
  *) echo "install.sh: warning: $PREFIX is not on your PATH; add it, for example in ~/.bashrc:" >&2
     echo "  export PATH=\"$PREFIX:\$PATH\"" >&2 ;;
esac
