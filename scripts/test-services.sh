#!/usr/bin/env bash
# Starts (or stops) the services the integration tests use, on loopback, in a
# throwaway directory: Debian's PostgreSQL 15 and redis-server, installed with
# apt when missing (with Chromium and fonts-noto-core for the browser tests). Prints the environment the tests read:
#
#   eval "$(scripts/test-services.sh start)"   # ISNAD_TEST_PG, ISNAD_TEST_REDIS, ISNAD_SERVICES_DIR
#   scripts/test-services.sh stop               # stops both by their own pids
#
# Ports: PGPORT / REDIS_PORT, or 54329 / 63799 when free, else any free port.
set -euo pipefail

DIR="${ISNAD_SERVICES_DIR:-/tmp/isnad-services}"

# A loopback port: the one asked for when it is free, else any free one
# (a developer's own servers may hold the defaults).
free_port() {
  node -e '
    const net = require("node:net");
    const want = Number(process.argv[1]);
    const listen = (port) => new Promise((ok, no) => { const s = net.createServer(); s.once("error", no); s.listen(port, "127.0.0.1", () => { const p = s.address().port; s.close(() => ok(p)); }); });
    listen(want).catch(() => listen(0)).then((p) => console.log(p));
  ' "$1"
}

log() { echo "test-services: $*" >&2; }

pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

install_missing() {
  local need=()
  pg_bin >/dev/null || need+=(postgresql)
  command -v redis-server >/dev/null || need+=(redis-server)
  # The browser tests' Chromium and the Arabic glyphs it renders with (not a service: nothing to start).
  [ -x /usr/bin/chromium ] || need+=(chromium)
  [ -d /usr/share/fonts/truetype/noto ] || need+=(fonts-noto-core)
  if [ "${#need[@]}" -gt 0 ]; then
    log "installing ${need[*]} (apt)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q "${need[@]}" >&2 || { apt-get update -q >&2 && apt-get install -y -q "${need[@]}" >&2; }
  fi
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  install_missing
  # A server that died without stopping (the machine restarted) leaves its pid file: a
  # throwaway data directory, so start afresh.
  if [ -f "$DIR/pg/postmaster.pid" ] && ! kill -0 "$(head -1 "$DIR/pg/postmaster.pid")" 2>/dev/null; then
    rm -rf "$DIR/pg" "$DIR/pg.pid" "$DIR/pg.port"
  fi
  # Running already: the ports they were started on (PostgreSQL writes its own, line 4 of
  # postmaster.pid); else the defaults when free, or any free ports.
  if [ -f "$DIR/pg/postmaster.pid" ]; then PGPORT="$(sed -n 4p "$DIR/pg/postmaster.pid")"; fi
  if [ -f "$DIR/redis.pid" ] && kill -0 "$(cat "$DIR/redis.pid")" 2>/dev/null; then
    REDIS_PORT="$(cat "$DIR/redis.port" 2>/dev/null || echo 63799)"
  fi
  PGPORT="${PGPORT:-$(free_port 54329)}"
  REDIS_PORT="${REDIS_PORT:-$(free_port 63799)}"
  mkdir -p "$DIR"
  chmod 777 "$DIR"
  local bin
  bin="$(pg_bin)"
  if [ ! -f "$DIR/pg/postmaster.pid" ]; then
    rm -rf "$DIR/pg"
    mkdir -p "$DIR/pg"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR/pg"
    as_postgres "$bin/initdb" -D "$DIR/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
      || { cat "$DIR/initdb.log" >&2; exit 1; }
    as_postgres "$bin/pg_ctl" -D "$DIR/pg" -l "$DIR/pg.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2
    head -1 "$DIR/pg/postmaster.pid" >"$DIR/pg.pid"
    echo "$PGPORT" >"$DIR/pg.port"
    log "PostgreSQL on 127.0.0.1:$PGPORT (pid $(cat "$DIR/pg.pid"))"
  fi
  if ! { [ -f "$DIR/redis.pid" ] && kill -0 "$(cat "$DIR/redis.pid")" 2>/dev/null; }; then
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --pidfile "$DIR/redis.pid" \
      --dir "$DIR" --save '' --appendonly no --logfile "$DIR/redis.log" >&2
    for _ in $(seq 50); do [ -s "$DIR/redis.pid" ] && break; sleep 0.1; done
    echo "$REDIS_PORT" >"$DIR/redis.port"
    log "Redis on 127.0.0.1:$REDIS_PORT (pid $(cat "$DIR/redis.pid"))"
  fi
  echo "export ISNAD_TEST_PG=postgres://postgres@127.0.0.1:$PGPORT/postgres"
  echo "export ISNAD_TEST_REDIS=redis://127.0.0.1:$REDIS_PORT"
  echo "export ISNAD_SERVICES_DIR=$DIR"
}

stop() {
  local bin
  if [ -f "$DIR/pg.pid" ]; then
    bin="$(pg_bin || true)"
    if [ -n "$bin" ] && [ -f "$DIR/pg/postmaster.pid" ]; then
      as_postgres "$bin/pg_ctl" -D "$DIR/pg" -m fast -w stop >&2 || kill "$(cat "$DIR/pg.pid")" 2>/dev/null || true
    else
      kill "$(cat "$DIR/pg.pid")" 2>/dev/null || true
    fi
    rm -f "$DIR/pg.pid" "$DIR/pg.port"
  fi
  if [ -f "$DIR/redis.pid" ]; then
    kill "$(cat "$DIR/redis.pid")" 2>/dev/null || true
    rm -f "$DIR/redis.pid" "$DIR/redis.port"
  fi
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
