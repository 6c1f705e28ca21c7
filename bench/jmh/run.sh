#!/usr/bin/env bash
# Builds and runs the JMH microbenchmarks (request conversion, StreamTranslator, upstream chunk decoding).
# Progress goes to stderr, the results table to stdout.
#   bench/jmh/run.sh                          # all benchmarks, modest settings (about 5 minutes)
#   bench/jmh/run.sh StreamTranslator         # a regex selects benchmarks, as with JMH itself
#   BUILD=0 JMH_OPTS='-f 2 -wi 5 -i 10' bench/jmh/run.sh
set -euo pipefail

JMH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$JMH_DIR/../.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
BUILD=${BUILD:-1}                                  # 0 runs the jar as it is
JMH_OPTS=${JMH_OPTS:--f 1 -wi 3 -i 5 -w 1s -r 2s}  # forks, warm-up and measured iterations and their length
JAR=$JMH_DIR/target/benchmarks.jar

log() { echo "[jmh] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

java_version() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -nE 's/^ *java\.specification\.version = ([0-9]+).*/\1/p'; }
if [[ ! -x $JAVA_HOME/bin/java || $(java_version "$JAVA_HOME") -lt 21 ]]; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
[[ -x $JAVA_HOME/bin/java ]] || die "no JDK >= 21: set JAVA_HOME"
export JAVA_HOME

if ((BUILD)); then
  cd "$REPO_DIR"
  log "installing optoant-domain, optoant-adapters-upstream and optoant-adapters-http into the local Maven repository"
  # Offline first (fast, no network); online if something is missing from the local repository.
  mvn -B -o -q install -DskipTests -pl domain,adapters-upstream,adapters-http -am >&2 \
    || mvn -B -q install -DskipTests -pl domain,adapters-upstream,adapters-http -am >&2
  log "building $JAR"
  mvn -B -q -f "$JMH_DIR/pom.xml" package >&2
fi
[[ -f $JAR ]] || die "$JAR not found; run with BUILD=1"

OUT=$(mktemp -d /tmp/jmh.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
log "running: java -jar benchmarks.jar $JMH_OPTS $*"
# shellcheck disable=SC2086  # JMH_OPTS is a list of options
"$JAVA_HOME/bin/java" -jar "$JAR" $JMH_OPTS -rf text -rff "$OUT/results.txt" "$@" | tee "$OUT/jmh.log" >&2

cat <<HEADER
optoant JMH microbenchmarks, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo none)
$(nproc) cores; $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1); JMH options: $JMH_OPTS
$(grep -o -m 1 '# stream: .*' "$OUT/jmh.log" || true)
Average time per op, with the 99.9% confidence half-interval as error. Request benchmarks: one op = one request
(agent = bench/bodies/anthropic-agent.json, small = anthropic-small.json). Stream benchmarks: one op = one whole stream.

HEADER
cat "$OUT/results.txt"
