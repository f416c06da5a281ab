#!/usr/bin/env bash
# Runs gongzhi locally with the demo street on http://localhost:8080/graphql against the local
# PostgreSQL (database "gongzhi", created if missing, demo data loaded when it is empty).
# It builds a dev-profile jar (with the dev token issuer) into target/demo and runs it: live-reload dev
# mode (quarkus:dev) needs the Dev UI jars, which this machine's Maven repository lacks.
#   deploy/run-demo.sh           keep the database as it is
#   deploy/run-demo.sh --fresh   drop and recreate the database first (a clean demo street)
set -euo pipefail
cd "$(dirname "$0")/.."
. deploy/lib.sh
ensure_java
ensure_postgres

db="${GONGZHI_DEV_DB:-gongzhi}"
psql_admin() { psql -h 127.0.0.1 -U "${GONGZHI_DEV_DB_USER:-postgres}" -d postgres -v ON_ERROR_STOP=1 -qtAc "$1"; }
if [ "${1:-}" = "--fresh" ]; then
  shift
  psql_admin "drop database if exists $db with (force)"
fi
if [ "$(psql_admin "select count(*) from pg_database where datname = '$db'")" = "0" ]; then
  psql_admin "create database $db"
fi

./mvnw -B -q -ntp package -DskipTests -Dquarkus.profile=dev -Dquarkus.package.output-directory=demo \
  -Dquarkus.analytics.disabled=true
echo "gongzhi (demo street) on http://localhost:${PORT:-8080}/graphql — tokens: curl 'http://localhost:${PORT:-8080}/dev/oidc/token?persona=demo-resident'"
exec "$JAVA_HOME/bin/java" -Dquarkus.profile=dev \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$db" "$@" -jar target/demo/quarkus-run.jar
