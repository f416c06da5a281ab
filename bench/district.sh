#!/usr/bin/env bash
# District-scale plans (issue 10 §3), on demand: bench/run.sh --district [streets communities grids households needs]
# Creates gongzhi_bench_district (migrated by the packaged app), generates a district with bench/district.sql
# (defaults: 10 streets x 10 communities x 6 grids x 465 households, ~976,000 residents, 2,000,000 needs over three
# years), then runs the hot read mix through an app instance whose statements PostgreSQL logs (role
# gongzhi_bench_counted, log_statement=all for that role in that database only) and EXPLAINs (ANALYZE, BUFFERS) every
# distinct read statement with the parameters it was sent with. Records bench/results/<UTC time>-district.md and the
# full plans beside it. GONGZHI_BENCH_DISTRICT_REUSE=1 keeps an already generated district (plans only).
set -euo pipefail
cd "$(dirname "$0")/.."
. deploy/lib.sh
ensure_java
ensure_postgres
streets=${1:-10}; communities=${2:-10}; grids=${3:-6}; households=${4:-465}; needs=${5:-2000000}
db=gongzhi_bench_district; port=18185; role=gongzhi_bench_counted
pglog=${GONGZHI_BENCH_PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1)
work=$(mktemp -d)
trap 'kill "${app:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
log() { echo "[$(date -u +%T)] $*" >&2; }
[ -r "$pglog" ] || { echo "PostgreSQL log $pglog not readable (GONGZHI_BENCH_PG_LOG)" >&2; exit 1; }
[ -d bench/peers/pg4/node_modules ] || (cd bench/peers/pg4 && npm ci --no-audit --no-fund --loglevel=error)
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -DskipTests package
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/key.pem" 2>/dev/null
public_key=$(openssl pkey -in "$work/key.pem" -pubout -outform DER | base64 -w0)
start_app() { # user -> pid (jobs off: the plans are of the read mix)
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" QUARKUS_DATASOURCE_USERNAME="$1" \
  QUARKUS_DATASOURCE_PASSWORD= QUARKUS_OIDC_PUBLIC_KEY="$public_key" QUARKUS_OIDC_TOKEN_ISSUER=gongzhi-bench \
  QUARKUS_OIDC_CLIENT_ID=gongzhi-bench GONGZHI_LOG_JSON=false GONGZHI_NEED_SLA_JOB_EVERY=off GONGZHI_DELIBERATION_VOTE_JOB_EVERY=off \
  PORT=$port "$JAVA_HOME/bin/java" -Xmx460m -jar target/quarkus-app/quarkus-run.jar >> "$work/app.log" 2>&1 &
  echo $!
}
ready() { for _ in $(seq 1 180); do curl -sf -m 2 "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && return 0; sleep 1; done; tail -n 40 "$work/app.log" >&2; return 1; }

t0=$(date +%s)
if [ "${GONGZHI_BENCH_DISTRICT_REUSE:-0}" != 1 ] || [ -z "$("${PSQL[@]}" -qtAc "select 1 from pg_database where datname = '$db'")" ]; then
  log "creating $db and migrating it"
  "${PSQL[@]}" -qc "drop database if exists $db with (force)" -c "create database $db"
  app=$(start_app postgres); ready; kill "$app"; wait "$app" 2>/dev/null || true; app=
  log "generating the district ($streets x $communities x $grids x $households households, $needs needs)"
  gen_start=$(date +%s)
  "${PSQL[@]}" -d $db -v streets="$streets" -v communities="$communities" -v grids="$grids" -v households="$households" \
    -v needs="$needs" -f bench/district.sql > "$work/generate.txt"
  gen_s=$(( $(date +%s) - gen_start ))
else
  log "reusing $db (migrating it to this build)"; gen_s="(reused)"
  app=$(start_app postgres); ready; kill "$app"; wait "$app" 2>/dev/null || true; app=
  "${PSQL[@]}" -d $db -qc "analyze"
fi
counts=$("${PSQL[@]}" -d $db -qtAc "select (select count(*) from organization) || ' organizations, ' || (select count(*) from household) || ' households, '
  || (select count(*) from member) || ' members, ' || (select count(*) from membership) || ' memberships, ' || (select count(*) from need) || ' needs; '
  || pg_size_pretty(pg_database_size(current_database()))")
migration=$("${PSQL[@]}" -d $db -qtAc "select max(version::int) from flyway_schema_history where success")

log "statement log on for $role in $db; app instance as $role"
"${PSQL[@]}" -qc "do \$\$ begin if not exists (select from pg_roles where rolname = '$role') then create role $role login; end if; end \$\$" \
  -c "grant pg_read_all_data, pg_write_all_data to $role" -c "alter role $role in database $db set log_statement = 'all'" 2>/dev/null
app=$(start_app $role); ready
# the street, grid and member in the middle of the district; a resident with a token
street=$("${PSQL[@]}" -d $db -qtAc "select id from organization where kind = 'STREET_COMMITTEE' order by id offset $((streets / 2)) limit 1")
grid=$("${PSQL[@]}" -d $db -qtAc "select id from organization where kind = 'GRID' and tenant_id = $street order by id offset 30 limit 1")
member=$("${PSQL[@]}" -d $db -qtAc "select m.id from member m join household h on h.id = m.household_id where h.grid_id = $grid order by m.id offset 100 limit 1")
resident=$("${PSQL[@]}" -d $db -qtAc "select e.value from external_identity e join member m on m.id = e.member_id where e.value like 'district-resident-%' and m.tenant_id = $street order by e.id limit 1")
gid() { printf '%s:%s' "$1" "$2" | base64 -w0 | tr '+/' '-_' | tr -d '='; }
admin=$(node bench/sign.mjs "$work/key.pem" "district-admin-$street" street_admin)
res_token=$(node bench/sign.mjs "$work/key.pem" "$resident" resident)
send() { # name file variables-json token
  node -e 'const fs=require("fs");process.stdout.write(JSON.stringify({query:fs.readFileSync(process.argv[1],"utf8"),variables:JSON.parse(process.argv[2])}))' "$2" "$3" > "$work/body"
  echo "$1 $(stat -c %s "$pglog")" >> "$work/marks"
  curl -s -m 120 "http://127.0.0.1:$port/graphql" -H 'Content-Type: application/json' -H "Authorization: Bearer $4" --data-binary @"$work/body" > "$work/answer"
  grep -q '"errors"' "$work/answer" && log "$1 answered with errors: $(head -c 300 "$work/answer")"
  return 0
}
: > "$work/marks"
for pass in warm measure; do # the first pass fills the driver's caches; both are logged, the plans use distinct statements
  send member bench/district/member.graphql "{\"id\":\"$(gid Member "$member")\"}" "$admin"
  send grid bench/district/grid.graphql "{\"id\":\"$(gid Organization "$grid")\"}" "$admin"
  cursor=$(node -e 'const a=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));process.stdout.write(a.data.organization.members.edges.at(-1).cursor)' "$work/answer" 2>/dev/null || echo "")
  send grid-next-page bench/district/grid-next.graphql "{\"id\":\"$(gid Organization "$grid")\",\"after\":\"$cursor\"}" "$admin"
  send tree bench/district/tree.graphql "{\"id\":\"$(gid Organization "$street")\"}" "$admin"
  send need-inbox bench/district/inbox.graphql "{\"id\":\"$(gid Organization "$street")\"}" "$admin"
  send need-overview bench/district/overview.graphql "{\"id\":\"$(gid Organization "$street")\"}" "$admin"
  send my-needs bench/district/my-needs.graphql "{}" "$res_token"
done
sleep 1
kill "$app"; wait "$app" 2>/dev/null || true; app=
"${PSQL[@]}" -qc "alter role $role in database $db reset log_statement"

out="bench/results/$(date -u +%Y-%m-%dT%H%M)Z-district"
log "EXPLAIN (ANALYZE, BUFFERS) of every distinct read statement"
summary=$(node bench/explain.mjs "$pglog" "$work/marks" "$role@$db" "$db" "$out-plans.txt")
{
  echo "# District-scale plans — $(date -u +%FT%TZ)"
  echo
  echo "District: $streets streets x $communities communities x $grids grids x $households households: $counts."
  echo "Generated in ${gen_s} s (bench/district.sql). Schema at migration V$migration. Machine: $(nproc) cores; $(psql --version)."
  echo "Read mix sent twice as the street administrator of the street in the middle (street $street, grid $grid, member $member) and a resident;"
  echo "statements taken from PostgreSQL's log of that app instance, each distinct read statement explained with the parameters it was sent with."
  echo "Full plans: [$(basename "$out")-plans.txt]($(basename "$out")-plans.txt)."
  echo
  echo "$summary"
  echo
  echo "Total time: $(( ($(date +%s) - t0) / 60 )) min."
} > "$out.md"
cat "$out.md"
echo "Recorded in $out.md"
