#!/usr/bin/env bash
# The benchmark of docs/benchmarks.md: ./benchmark/run.sh [--rate 200] [--duration 60s] [--find-max] ...
# Runs the services' packaged builds (mvn -B install -DskipTests builds them) on a devstack of its own
# (free ports, a temporary data directory); the results go to benchmark/target/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmark/target/benchmark.jar
if [[ ! -f $jar ]] || [[ -n $(find benchmark/src benchmark/pom.xml -newer "$jar" -print -quit) ]]; then
  mvn -B -o -q -pl benchmark -am install -DskipTests
fi
exec java -Xmx512m -jar "$jar" --repo . "$@"
