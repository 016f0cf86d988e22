#!/usr/bin/env bash
# The project's own Neo4j Community (LTS), assembled from Maven Central and run on
# loopback.
#
#   scripts/neo4j.sh install        fetch the jars into the cache (quick when present)
#   scripts/neo4j.sh start [DIR]    start a server whose conf/data/logs live in DIR,
#                                   print its bolt:// URI once Bolt answers
#   scripts/neo4j.sh stop [DIR]     stop it cleanly
#   scripts/neo4j.sh status [DIR]   print the URI and pid when running (exit 1 if not)
#   scripts/neo4j.sh admin DIR ARGS  run neo4j-admin ARGS on DIR's databases (server
#                                   stopped), e.g. admin DIR database import full ...
#
# Environment:
#   GOVKG_CACHE       cache root (default ~/.cache/govkg); jars go to neo4j-VERSION/lib
#   NEO4J_VERSION     default 5.26.30
#   GOVKG_NEO4J_DIR   default DIR (default $GOVKG_CACHE/neo4j-run)
#   NEO4J_PASSWORD    initial password of user neo4j on a new DIR; when unset one is
#                     generated and kept in DIR/password (mode 600)
#   NEO4J_BOLT_PORT   Bolt port (default: a free one)
#   NEO4J_HTTP_PORT   port of Neo4j Browser and the HTTP API on 127.0.0.1 (default: a
#                     free one; "off" for none)
#   NEO4J_BROWSER_STYLE  a graph style Neo4j Browser applies on connecting (the JSON
#                     form of a .grass file; govkg neo4j start passes govkg's)
#   NEO4J_HEAP        JVM heap (default 512m)
#   NEO4J_PAGECACHE   page cache, the store's pages kept in memory (default 512m)
# DIR/neo4j.state holds URI=, PID=, DIR=, BROWSER= of the running server.
set -euo pipefail

VERSION="${NEO4J_VERSION:-5.26.30}"
# Neo4j Browser, served by the server at /browser when its jar is on the class path
# (the newest release on Maven Central)
BROWSER_VERSION="${NEO4J_BROWSER_VERSION:-5.24.0}"
CACHE="${GOVKG_CACHE:-$HOME/.cache/govkg}"
DIST="$CACHE/neo4j-$VERSION"
LIB="$DIST/lib"

say() { echo "neo4j.sh: $*" >&2; }
die() { say "$*"; exit 1; }

browser_jar() { ls "$LIB"/neo4j-browser-*.jar 2>/dev/null | head -1; }

install() {
  if [ -f "$DIST/.complete" ] && [ -n "$(browser_jar)" ]; then
    say "Neo4j $VERSION present in $DIST"
    return 0
  fi
  if [ -f "$DIST/.complete" ]; then   # assembled before Browser was part of it
    say "adding Neo4j Browser $BROWSER_VERSION to $DIST"
    mvn -q -B dependency:copy -Dartifact="org.neo4j.client:neo4j-browser:$BROWSER_VERSION" \
      -DoutputDirectory="$LIB" >"$DIST/browser-mvn.log" 2>&1 \
      || { tail -20 "$DIST/browser-mvn.log" >&2; die "Maven could not fetch Neo4j Browser $BROWSER_VERSION"; }
    return 0
  fi
  command -v mvn >/dev/null || die "mvn (Maven) is needed to assemble Neo4j"
  command -v java >/dev/null || die "java (17 or later) is needed to run Neo4j"
  mkdir -p "$DIST"
  local work; work="$(mktemp -d "$DIST/.assemble.XXXXXX")"
  # neo4j-server and its dependencies, plus org.neo4j:neo4j which holds the
  # community entry point (org.neo4j.server.CommunityEntryPoint).
  cat >"$work/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>govkg</groupId><artifactId>neo4j-assembly</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.neo4j.app</groupId><artifactId>neo4j-server</artifactId><version>$VERSION</version></dependency>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>$VERSION</version></dependency>
    <dependency><groupId>org.neo4j.client</groupId><artifactId>neo4j-browser</artifactId><version>$BROWSER_VERSION</version></dependency>
  </dependencies>
</project>
EOF
  say "assembling Neo4j Community $VERSION from Maven Central into $DIST"
  if ! mvn -q -B -f "$work/pom.xml" dependency:copy-dependencies \
        -DincludeScope=runtime -DoutputDirectory="$work/lib" >"$work/mvn.log" 2>&1; then
    tail -20 "$work/mvn.log" >&2
    rm -rf "$work"
    die "Maven could not assemble Neo4j $VERSION"
  fi
  rm -rf "$LIB"
  mv "$work/lib" "$LIB"
  cp "$work/pom.xml" "$DIST/pom.xml"
  rm -rf "$work"
  touch "$DIST/.complete"
  say "installed $(ls "$LIB" | wc -l) jars"
}

state_get() {  # state_get DIR KEY
  [ -f "$1/neo4j.state" ] && sed -n "s/^$2=//p" "$1/neo4j.state" || true
}

running_pid() {  # the pid of DIR's server when it is alive
  local pid; pid="$(state_get "$1" PID)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid" || true
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  local dir="$1"
  { [ -f "$DIST/.complete" ] && [ -n "$(browser_jar)" ]; } || install
  mkdir -p "$dir"; dir="$(cd "$dir" && pwd)"
  if [ -n "$(running_pid "$dir")" ]; then
    state_get "$dir" URI
    return 0
  fi
  local port="${NEO4J_BOLT_PORT:-$(free_port)}"
  local http="${NEO4J_HTTP_PORT:-$(free_port)}" http_conf browser=""
  if [ "$http" = off ]; then
    http_conf="server.http.enabled=false"
  else
    http_conf="server.http.enabled=true
server.http.listen_address=127.0.0.1:$http
server.http.advertised_address=127.0.0.1:$http"
    browser="http://127.0.0.1:$http/browser/"
    [ -n "${NEO4J_BROWSER_STYLE:-}" ] && http_conf="$http_conf
browser.post_connect_cmd=style $NEO4J_BROWSER_STYLE"
  fi
  mkdir -p "$dir/conf" "$dir/data" "$dir/logs" "$dir/run" "$dir/import"
  cat >"$dir/conf/neo4j.conf" <<EOF
# written by scripts/neo4j.sh
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:$port
server.bolt.advertised_address=127.0.0.1:$port
$http_conf
server.https.enabled=false
client.allow_telemetry=false
dbms.security.auth_enabled=true
dbms.usage_report.enabled=false
server.memory.pagecache.size=${NEO4J_PAGECACHE:-512m}
server.directories.data=$dir/data
server.directories.logs=$dir/logs
server.directories.run=$dir/run
server.directories.import=$dir/import
server.directories.plugins=$dir/plugins
EOF
  local java=java
  [ -n "${JAVA_HOME:-}" ] && java="$JAVA_HOME/bin/java"
  if [ ! -f "$dir/data/dbms/auth.ini" ] && [ ! -d "$dir/data/databases/system" ]; then
    local pw="${NEO4J_PASSWORD:-}"
    if [ -z "$pw" ]; then
      pw="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
      (umask 077; printf '%s\n' "$pw" >"$dir/password")
      say "generated password for user neo4j in $dir/password"
    fi
    # neo4j-admin dbms set-initial-password, run from the same jars
    NEO4J_HOME="$dir" NEO4J_CONF="$dir/conf" "$java" -cp "$LIB/*" org.neo4j.cli.AdminTool \
      dbms set-initial-password "$pw" >"$dir/logs/set-password.log" 2>&1 \
      || { cat "$dir/logs/set-password.log" >&2; die "could not set the initial password"; }
  fi
  : >"$dir/logs/console.log"
  NEO4J_HOME="$dir" NEO4J_CONF="$dir/conf" setsid nohup "$java" \
    -Xms"${NEO4J_HEAP:-512m}" -Xmx"${NEO4J_HEAP:-512m}" -XX:+UseG1GC \
    -XX:-OmitStackTraceInFastThrow -Djdk.nio.maxCachedBufferSize=1024 \
    -Dio.netty.tryReflectionSetAccessible=true \
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    -cp "$LIB/*" org.neo4j.server.CommunityEntryPoint \
    --home-dir="$dir" --config-dir="$dir/conf" \
    </dev/null >>"$dir/logs/console.log" 2>&1 &
  local pid=$!
  printf 'URI=bolt://127.0.0.1:%s\nPID=%s\nDIR=%s\nBROWSER=%s\n' "$port" "$pid" "$dir" "$browser" >"$dir/neo4j.state"
  local waited=0
  until port_open "$port" && grep -q "Started\." "$dir/logs/neo4j.log" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -30 "$dir/logs/console.log" >&2
      rm -f "$dir/neo4j.state"
      die "Neo4j exited during start (logs in $dir/logs)"
    fi
    if [ "$waited" -ge "${NEO4J_START_TIMEOUT:-180}" ]; then
      kill "$pid" 2>/dev/null || true
      die "Neo4j did not answer on Bolt within ${waited}s (logs in $dir/logs)"
    fi
    sleep 1; waited=$((waited + 1))
  done
  say "started pid $pid in ${waited}s${browser:+; Neo4j Browser at $browser}"
  echo "bolt://127.0.0.1:$port"
}

stop() {
  local dir="$1"
  [ -d "$dir" ] || { say "nothing in $dir"; return 0; }
  local pid; pid="$(running_pid "$dir")"
  if [ -z "$pid" ]; then
    say "not running ($dir)"; rm -f "$dir/neo4j.state"; return 0
  fi
  kill -TERM "$pid"
  for _ in $(seq 120); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$dir/neo4j.state"; say "stopped pid $pid"; return 0; }
    sleep 0.5
  done
  say "pid $pid did not stop within 60s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$dir/neo4j.state"
}

admin() {  # admin DIR ARGS...: neo4j-admin with DIR's configuration
  local dir="$1"; shift
  [ -f "$DIST/.complete" ] || install
  mkdir -p "$dir/conf"; dir="$(cd "$dir" && pwd)"
  [ -f "$dir/conf/neo4j.conf" ] || printf 'server.directories.data=%s/data\nserver.directories.logs=%s/logs\n' \
    "$dir" "$dir" >"$dir/conf/neo4j.conf"
  local java=java
  [ -n "${JAVA_HOME:-}" ] && java="$JAVA_HOME/bin/java"
  NEO4J_HOME="$dir" NEO4J_CONF="$dir/conf" "$java" -cp "$LIB/*" org.neo4j.cli.AdminTool "$@"
}

status() {
  local dir="$1" browser; browser="$(state_get "$1" BROWSER)"
  if [ -n "$(running_pid "$dir")" ]; then
    echo "$(state_get "$dir" URI) pid $(state_get "$dir" PID)${browser:+ browser $browser}"
  else
    echo "not running"; return 1
  fi
}

cmd="${1:-}"; shift || true
if [ "$cmd" = admin ]; then
  [ $# -ge 1 ] || die "usage: $0 admin DIR neo4j-admin-arguments..."
  admin "$@"; exit $?
fi
dir="${1:-${GOVKG_NEO4J_DIR:-$CACHE/neo4j-run}}"
case "$cmd" in
  install) install ;;
  start) start "$dir" ;;
  stop) stop "$dir" ;;
  status) status "$dir" ;;
  *) echo "usage: $0 install | start [DIR] | stop [DIR] | status [DIR] | admin DIR ARGS..." >&2; exit 2 ;;
esac
