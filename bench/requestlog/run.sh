#!/usr/bin/env bash
# Request-log batch writes into an embedded PostgreSQL, method against method (see bench/README.md).
# Progress goes to stderr, the markdown table to stdout.
#   bench/requestlog/run.sh                 # 200,000 rows a run, 5 rounds, 500-row batches (a few minutes)
#   bench/requestlog/run.sh 50000 3         # rows a run, rounds [, batch size]
#   BUILD=0 bench/requestlog/run.sh         # run what was built last time
#   JAVA_OPTS=-Dbench.primaryKeyOnly=true bench/requestlog/run.sh   # without the secondary indexes
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/../.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
BUILD=${BUILD:-1}
CLASSES=$BENCH_DIR/target/classes
CLASSPATH_FILE=$REPO_DIR/adapters-persistence/target/bench-classpath.txt
export JAVA_HOME

log() { echo "[requestlog] $*" >&2; }

if ((BUILD)); then
  log "building adapters-persistence and its class path (offline)"
  # Nothing is installed into the local Maven repository: the reactor's own target/classes are used.
  (cd "$REPO_DIR" && mvn -B -o -q -pl adapters-persistence -am compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2)
  rm -rf "$CLASSES" && mkdir -p "$CLASSES"
  # The benchmark shares the store's package so it can reuse its package-private row and staging code.
  "$JAVA_HOME/bin/javac" -d "$CLASSES" -cp "$REPO_DIR/adapters-persistence/target/classes:$(cat "$CLASSPATH_FILE")" \
    $(find "$BENCH_DIR/src" -name '*.java')
fi

CP="$CLASSES:$REPO_DIR/adapters-persistence/target/classes:$(cat "$CLASSPATH_FILE")"
cat <<HEADER
Request-log batch writes, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo none)
$(nproc) cores; $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1); load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)

HEADER
"$JAVA_HOME/bin/java" -Xmx1g ${JAVA_OPTS:-} -Dlogback.configurationFile="$BENCH_DIR/logback.xml" -cp "$CP" dev.optoant.persistence.RequestLogWriteBench "$@"
