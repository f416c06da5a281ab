#!/usr/bin/env bash
# Benchmark of the organization/member graph on this machine (loopback only, bounded in time).
#   bench/run.sh [communities grids households-per-grid residents-per-household]
# Builds the jar, creates a fresh database gongzhi_bench, loads the dataset, starts the packaged app in
# prod mode (tokens verified with a throw-away bench key), runs the load scenarios and records the
# results in bench/results/<date>.md. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
. deploy/lib.sh
ensure_java
ensure_postgres

communities=${1:-10}; grids=${2:-6}; households=${3:-300}; residents=${4:-2}
port=18181; db=gongzhi_bench; work=$(mktemp -d)
trap 'kill "${app:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "port $port is in use (an earlier benchmark app still running?); stop it first" >&2; exit 1
fi
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -DskipTests package
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/key.pem" 2>/dev/null
public_key=$(openssl pkey -in "$work/key.pem" -pubout -outform DER | base64 -w0)

psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" -c "create database $db"
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" QUARKUS_DATASOURCE_USERNAME=postgres \
QUARKUS_DATASOURCE_PASSWORD= QUARKUS_OIDC_PUBLIC_KEY="$public_key" QUARKUS_OIDC_TOKEN_ISSUER=gongzhi-bench \
QUARKUS_OIDC_CLIENT_ID=gongzhi-bench GONGZHI_LOG_JSON=false PORT=$port \
  "$JAVA_HOME/bin/java" -Xmx512m -jar target/quarkus-app/quarkus-run.jar > "$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 60); do curl -sf "localhost:$port/q/health/ready" >/dev/null && break; sleep 1; done
started=$(grep -o 'started in [0-9.]*s' "$work/app.log" || true)

load_start=$(date +%s.%N)
psql -h 127.0.0.1 -U postgres -d $db -q -v communities="$communities" -v grids="$grids" -v households="$households" \
  -v residents="$residents" -f bench/dataset.sql > "$work/counts.txt"
load_s=$(echo "$(date +%s.%N) - $load_start" | bc)
resources=${GONGZHI_BENCH_RESOURCES:-100000}
psql -h 127.0.0.1 -U postgres -d $db -q -v resources="$resources" -f bench/resources.sql > "$work/resources.txt"
need=$(psql -h 127.0.0.1 -U postgres -d $db -qtAc "select min(id) from need where title like '基准需求%'")
need_gid=$(printf 'Need:%s' "$need" | base64 -w0 | tr '+/' '-_' | tr -d '=')
street=$(psql -h 127.0.0.1 -U postgres -d $db -qtAc "select id from organization where kind = 'STREET_COMMITTEE'")
street_gid=$(printf 'Organization:%s' "$street" | base64 -w0 | tr '+/' '-_' | tr -d '=')

out="bench/results/$(date -u +%Y-%m-%dT%H%M)Z.md"
mkdir -p bench/results
{
  echo "# gongzhi benchmark $(date -u +%FT%TZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
  echo "Dataset: $communities communities x $grids grids x $households households x $residents residents ($(tail -n 3 "$work/counts.txt" | head -n 1 | tr -s ' '))"
  echo "Dataset load: ${load_s} s. App startup (empty DB, migrations included): ${started:-n/a}"
  echo
  for c in 1 8 32; do
    echo "## Nested tree (street > 10 communities > 6 grids > 20 members > household > building), concurrency $c"
    "$JAVA_HOME/bin/java" bench/LoadTest.java "http://127.0.0.1:$port/graphql" "$work/key.pem" bench-street-admin street_admin \
      bench/tree.graphql "{\"id\":\"$street_gid\"}" "$c" 15
    echo
  done
  echo "## Member search by Chinese name fragment in the street, concurrency 8"
  "$JAVA_HOME/bin/java" bench/LoadTest.java "http://127.0.0.1:$port/graphql" "$work/key.pem" bench-street-admin street_admin \
    bench/search.graphql "{\"id\":\"$street_gid\"}" 8 15
  echo
  for c in 1 8; do
    echo "## need.matches: rank $(tail -n 3 "$work/resources.txt" | head -n 1 | awk '{print $1}') resources for a need (top 10 with reasons), concurrency $c"
    "$JAVA_HOME/bin/java" bench/LoadTest.java "http://127.0.0.1:$port/graphql" "$work/key.pem" bench-street-admin street_admin \
      bench/matches.graphql "{\"id\":\"$need_gid\"}" "$c" 15
    echo
  done
  echo "Resident set size of the app after the runs: $(ps -o rss= -p $app | awk '{printf "%.0f MiB", $1/1024}')"
} | tee "$out"
echo "Recorded in $out"
