# Shared by the scripts: build the service jar when it is missing or older than the sources.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/server/target/safermap.jar"

ensure_built() {
  if [[ ! -f "$JAR" ]] || [[ -n "$(find "$ROOT/server/src/main" "$ROOT/web" "$ROOT/gis-data" "$ROOT/pom.xml" \
        "$ROOT/server/pom.xml" -newer "$JAR" -print -quit 2>/dev/null)" ]]; then
    echo "Building SaferMap (mvn package, tests skipped; ./scripts/test runs them)..." >&2
    (cd "$ROOT" && mvn -B -q -DskipTests clean package) >&2
  fi
}

# Runs a safermap subcommand from the jar, rebuilt first if stale. SAFERMAP_NO_REBUILD=1 only
# builds a missing jar: a client such as scripts/load must not rebuild under a running server.
safermap() {
  if [[ -n "${SAFERMAP_NO_REBUILD:-}" && -f "$JAR" ]]; then :; else ensure_built; fi
  # shellcheck disable=SC2086
  exec java ${SAFERMAP_JAVA_OPTS:-} -jar "$JAR" "$@"
}
