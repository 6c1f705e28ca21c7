#!/usr/bin/env bash
# Checks docker/Dockerfile without a Docker engine: runs its build stage's COPY and RUN lines as a script in a
# scratch directory, then starts the jar the way the runtime stage's ENTRYPOINT does (with its ENV) and runs the
# HEALTHCHECK command against it. Also validates docker-compose.yml with `docker-compose config` when that is
# installed. What it cannot check: the base images, BuildKit's cache mount, the non-root user and the volume.
set -euo pipefail

DOCKER_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$DOCKER_DIR")
DOCKERFILE=$DOCKER_DIR/Dockerfile
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
CHECK_PORT=${CHECK_PORT:-18700}
CHECK_ADMIN_PORT=${CHECK_ADMIN_PORT:-18701}

log() { echo "[docker-check] $*" >&2; }
die() { log "FAILED: $*"; exit 1; }

SCRATCH=$(mktemp -d /tmp/optoant-docker-check.XXXXXX)
GATEWAY_PID=''
cleanup() {
  if [[ -n $GATEWAY_PID ]] && kill -0 "$GATEWAY_PID" 2>/dev/null; then
    kill -TERM "$GATEWAY_PID" 2>/dev/null || true
    wait "$GATEWAY_PID" 2>/dev/null || true
  fi
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

# --- build stage: every line from "FROM ... AS build" to the next FROM --------
build_dir=$SCRATCH/build
workdir=$build_dir
in_build=0
jar_from_build=''
while IFS= read -r line || [[ -n $line ]]; do
  [[ $line =~ ^[[:space:]]*# || -z ${line// } ]] && continue
  if [[ $line =~ ^FROM[[:space:]].*[[:space:]]AS[[:space:]]+build$ ]]; then
    in_build=1
    continue
  fi
  if [[ $line =~ ^FROM[[:space:]] ]]; then
    in_build=0
    continue
  fi
  if ((!in_build)); then
    if [[ $line =~ ^COPY[[:space:]]+--from=build[[:space:]]+([^[:space:]]+) ]]; then
      jar_from_build=${BASH_REMATCH[1]}
    fi
    continue
  fi
  read -r instruction rest <<<"$line"
  case $instruction in
    WORKDIR)
      workdir=$build_dir$rest
      mkdir -p "$workdir"
      ;;
    COPY)
      read -r -a args <<<"$rest"
      dest=${args[-1]}
      [[ $dest == /* ]] || dest=$workdir/$dest
      for source in "${args[@]:0:${#args[@]}-1}"; do
        [[ -e $REPO_DIR/$source ]] || die "COPY $source: no such file in the repository"
        if [[ $dest == */ || -d $REPO_DIR/$source ]]; then
          mkdir -p "$dest"
        fi
        if [[ -d $REPO_DIR/$source ]]; then
          cp -r "$REPO_DIR/$source/." "$dest"
        else
          cp "$REPO_DIR/$source" "$dest"
        fi
      done
      ;;
    RUN)
      command=$(sed -E 's/--mount=[^[:space:]]+[[:space:]]+//g' <<<"$rest")
      log "RUN $command (in $workdir)"
      (cd "$workdir" && bash -c "$command") || die "RUN $command"
      ;;
    *) die "the check does not know build-stage instruction $instruction" ;;
  esac
done <"$DOCKERFILE"
[[ -n $jar_from_build ]] || die "the runtime stage copies no jar from the build stage"
jar=$build_dir$jar_from_build
[[ -f $jar ]] || die "the build stage did not produce $jar_from_build"
log "build stage produced $jar_from_build ($(du -h "$jar" | cut -f1))"

# --- runtime stage: ENV, ENTRYPOINT, HEALTHCHECK -------------------------------
runtime_env=$(sed -nE 's/^ENV[[:space:]]+//p' "$DOCKERFILE")
entrypoint=$(sed -nE 's/^ENTRYPOINT \["sh", "-c", "(.*)"\]$/\1/p' "$DOCKERFILE")
healthcheck=$(sed -nE "s/^[[:space:]]*CMD bash -c '(.*)'$/\1/p" "$DOCKERFILE")
[[ -n $entrypoint && -n $healthcheck ]] || die "ENTRYPOINT or HEALTHCHECK not in the expected form"
app=$SCRATCH/app
mkdir -p "$app/data"
cp "$jar" "$app/optoant.jar"
cp "$REPO_DIR/config.yml" "$app/config.yml"
# The image's paths (/app/...) point into the scratch copy; ports are moved off the defaults.
entrypoint=${entrypoint//\/app\//$app/}
entrypoint=${entrypoint//exec java/exec $JAVA}
(
  eval "export $runtime_env"
  export PORT=$CHECK_PORT ADMIN_PORT=$CHECK_ADMIN_PORT OPTOANT_DATA_DIR=$app/data OPENAI_BACKEND=http://127.0.0.1:9
  exec sh -c "$entrypoint"
) >"$SCRATCH/gateway.log" 2>&1 &
GATEWAY_PID=$!
log "started the runtime stage's ENTRYPOINT; running its HEALTHCHECK until it passes (120 s at most)"
deadline=$((SECONDS + 120))
until PORT=$CHECK_PORT bash -c "$healthcheck" 2>/dev/null; do
  kill -0 "$GATEWAY_PID" 2>/dev/null || { tail -n 30 "$SCRATCH/gateway.log" >&2; die "the gateway exited"; }
  ((SECONDS < deadline)) || { tail -n 30 "$SCRATCH/gateway.log" >&2; die "HEALTHCHECK never passed"; }
  sleep 1
done
log "HEALTHCHECK passes"

if command -v docker-compose >/dev/null; then
  (cd "$DOCKER_DIR" && docker-compose config -q) || die "docker-compose config"
  log "docker-compose config: valid"
else
  log "docker-compose not installed: compose file not validated (apt-get install docker-compose)"
fi
log "OK"
