#!/usr/bin/env bash
# Cold start (JVM start to first answer, whole process) and warm invocations of a function on purista-lambda
# against bare RequestStreamHandlers, all run by AWS's runtime interface client against a stand-in Runtime API,
# in alternating rounds. With "cds", it first writes a class-data archive for bare and purista with
# purista-lambda's ClassDataTraining, as the generated container image does, and adds variants that run with the
# function jar on the class path and the archive named in JAVA_TOOL_OPTIONS.
# Usage: benchmarks/lambda/cold-start.sh [rounds] [warm invocations] [cds]
#        (warm p50/p99 over the first 300 warm invocations; with 600 or more, late p50/p99 over the last 300)
#        (after: mvn -B -o install -pl benchmarks/lambda -am -DskipTests)
set -euo pipefail
cd "$(dirname "$0")"
rounds=${1:-10}
warm=${2:-300}
target=target
cp="$target/classes:$(cat "$target/harness.classpath")"
jar() { echo "$target/purista-benchmarks-lambda-0.1.0-SNAPSHOT-$1.jar"; }
main=dev.purista.benchmarks.lambda.harness.ColdStartBenchmark
bare="bare=$(jar bare):dev.purista.benchmarks.lambda.bare.BareFunction"
jackson="bare-jackson=$(jar bare):dev.purista.benchmarks.lambda.bare.BareJacksonFunction"
novalidation="purista-novalidation=$(jar purista-novalidation):dev.purista.benchmarks.lambda.function.GreetingFunction"
purista="purista=$(jar purista):dev.purista.benchmarks.lambda.function.GreetingFunction"
variants=("$bare" "$jackson" "$novalidation" "$purista")
if [[ "${3:-}" == cds ]]; then
  # Trained under the name it runs under: the archive holds the function jar's path, which must not change.
  bare_cds="bare-cds=${bare#bare=}:$target/bare.jsa"
  purista_cds="purista-cds=${purista#purista=}:$target/purista.jsa"
  java -cp "$cp" "$main" --train "$target" "$bare_cds"
  java -cp "$cp" "$main" --train "$target" "$purista_cds"
  variants+=("$bare_cds" "$purista_cds")
fi
java -cp "$cp" "$main" "$rounds" "$warm" "$target" "${variants[@]}"
