# Installs and starts what the tests need when it is missing and we are allowed to (root or
# passwordless sudo, and SAFERMAP_TEST_INSTALL is not "no"): PostgreSQL with PostGIS, Chromium
# and ChromeDriver, and GDAL's command-line tools from Debian's packages. Exports the settings the
# tests read.
# shellcheck shell=bash

PG_DB=safermap_test
PG_ROLE=safermap_test

can_install() {
  [[ "${SAFERMAP_TEST_INSTALL:-yes}" != "no" ]] && { [[ $EUID -eq 0 ]] || sudo -n true 2>/dev/null; }
}

as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"; else sudo -n "$@"; fi
}

apt_install() {
  can_install || { echo "missing: $* (and not allowed to install: run as root or set up sudo)" >&2; return 1; }
  echo "Installing $* with apt-get..." >&2
  if [[ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -1)" ]]; then
    as_root apt-get update -qq >&2
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

pg_major() {
  if command -v pg_lsclusters >/dev/null; then
    pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $1}'
  fi
}

# psql as the postgres superuser: over TCP where trust allows it, else through the local socket.
pg_admin() {
  if psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -Atq "$@"
  else
    as_root runuser -u postgres -- psql -v ON_ERROR_STOP=1 -Atq "$@"
  fi
}

ensure_postgis() {
  if ! command -v pg_lsclusters >/dev/null || [[ -z "$(pg_major)" ]]; then
    apt_install postgresql postgresql-contrib
  fi
  local major
  major="$(pg_major)"
  if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    echo "Starting PostgreSQL $major..." >&2
    as_root pg_ctlcluster --skip-systemctl-redirect "$major" main start >&2
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
  if [[ ! -f "/usr/share/postgresql/$major/extension/postgis.control" ]]; then
    apt_install "postgresql-$major-postgis-3"
  fi
  if [[ "$(pg_admin -d postgres -c "select 1 from pg_roles where rolname = '$PG_ROLE'")" != "1" ]]; then
    pg_admin -d postgres -c "create role $PG_ROLE login password '$PG_ROLE'"
  fi
  if [[ "$(pg_admin -d postgres -c "select 1 from pg_database where datname = '$PG_DB'")" != "1" ]]; then
    pg_admin -d postgres -c "create database $PG_DB owner $PG_ROLE"
  fi
  pg_admin -d "$PG_DB" -c "create extension if not exists postgis"
  export SAFERMAP_TEST_PG_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB"
  export SAFERMAP_TEST_PG_USER="$PG_ROLE" SAFERMAP_TEST_PG_PASSWORD="$PG_ROLE"
  echo "PostGIS ready: $SAFERMAP_TEST_PG_URL ($(pg_admin -d "$PG_DB" -c 'select postgis_lib_version()'))" >&2
}

ensure_chromium() {
  if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
    apt_install chromium chromium-driver
  fi
  export SAFERMAP_CHROMIUM="${SAFERMAP_CHROMIUM:-/usr/bin/chromium}"
  export SAFERMAP_CHROMEDRIVER="${SAFERMAP_CHROMEDRIVER:-/usr/bin/chromedriver}"
}

# GDAL's ogrinfo/ogr2ogr, the real OGC API - Features client of the GIS-client test.
ensure_gdal() {
  if ! command -v ogr2ogr >/dev/null || ! command -v ogrinfo >/dev/null; then
    apt_install gdal-bin
  fi
  export SAFERMAP_OGRINFO="${SAFERMAP_OGRINFO:-$(command -v ogrinfo)}"
  export SAFERMAP_OGR2OGR="${SAFERMAP_OGR2OGR:-$(command -v ogr2ogr)}"
}

# The OGC executable test suite for OGC API - Features Part 1 (not on Maven Central): the shared
# tools copy unless SAFERMAP_ETS_JAR names another.
ensure_ets() {
  export SAFERMAP_ETS_JAR="${SAFERMAP_ETS_JAR:-$ROOT/../shared/tools/ets-ogcapi-features10-1.9-aio.jar}"
  [[ -f "$SAFERMAP_ETS_JAR" ]] || { echo "missing: the OGC test suite jar $SAFERMAP_ETS_JAR" >&2; return 1; }
}

# The OpenAPI linters (Redocly CLI, swagger-cli) at the versions in tools/openapi-lint's lockfile.
ensure_openapi_lint() {
  if ! command -v npm >/dev/null; then
    apt_install nodejs npm
  fi
  local dir="$ROOT/tools/openapi-lint"
  if [[ ! -d "$dir/node_modules" || "$dir/package-lock.json" -nt "$dir/node_modules" ]]; then
    echo "Installing the OpenAPI linters with npm ci..." >&2
    (cd "$dir" && npm ci --no-audit --no-fund --silent) >&2
    touch "$dir/node_modules"
  fi
  export SAFERMAP_REDOCLY="${SAFERMAP_REDOCLY:-$dir/node_modules/.bin/redocly}"
  export SAFERMAP_SWAGGER_CLI="${SAFERMAP_SWAGGER_CLI:-$dir/node_modules/.bin/swagger-cli}"
}
