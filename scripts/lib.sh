# Shared by the scripts: build the service jar when it is missing or older than the sources.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/server/target/safermap.jar"

ensure_built() {
  if [[ ! -f "$JAR" ]] || [[ -n "$(find "$ROOT/server/src/main" "$ROOT/web" "$ROOT/gis-data" "$ROOT/pom.xml" \
        "$ROOT/server/pom.xml" -newer "$JAR" -print -quit 2>/dev/null)" ]]; then
    echo "Building SaferMap (mvn package, tests skipped; ./scripts/test runs them)..." >&2
    (cd "$ROOT" && mvn -B -q -DskipTests package) >&2
  fi
}

# Runs a safermap subcommand from the built jar.
safermap() {
  ensure_built
  # shellcheck disable=SC2086
  exec java ${SAFERMAP_JAVA_OPTS:-} -jar "$JAR" "$@"
}
