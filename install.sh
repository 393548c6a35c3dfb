#!/usr/bin/env bash
# Installs purista for Java on this machine: the runtime modules into the local Maven repository (so that
# generated projects build offline) and, once the CLI module exists, the `purista` launcher.
#
#   ./install.sh              install (idempotent: run it again after pulling)
#   ./install.sh --uninstall  remove the launcher
#
# PREFIX (default ~/.local/bin) is where the launcher goes.
set -euo pipefail
cd "$(dirname "$0")"

fail() { echo "install.sh: $*" >&2; exit 1; }

java_major() {
  java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1
}

command -v java >/dev/null || fail "Java 17 or newer is required: 'java' is not on the PATH (Debian: apt-get install openjdk-17-jdk)"
major=$(java_major)
[ -n "$major" ] && [ "${major%%.*}" -ge 17 ] 2>/dev/null || fail "Java 17 or newer is required; found Java ${major:-unknown}"
command -v mvn >/dev/null || fail "Apache Maven is required: 'mvn' is not on the PATH (Debian: apt-get install maven)"

echo "Building and installing the runtime modules into the local Maven repository..."
mvn -B -q install -DskipTests
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
echo "Installed the purista runtime $version into the local Maven repository."
