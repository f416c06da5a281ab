# Shared helpers of the run and test scripts (sourced, not executed).

# A JDK 21+ for the build: JAVA_HOME if it is one, else the Temurin JDK of our machines, else any 21+ JDK.
ensure_java() {
  if [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
    return 0
  fi
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2[1-9]-jdk* /usr/lib/jvm/java-2[1-9]-openjdk* /usr/lib/jvm/*-2[1-9]*; do
    if [ -x "$candidate/bin/javac" ]; then
      export JAVA_HOME="$candidate"
      echo "Using JDK at $JAVA_HOME"
      return 0
    fi
  done
  echo "No JDK 21+ found. Install one (e.g. Temurin 25) and set JAVA_HOME." >&2
  return 1
}

# PostgreSQL on 127.0.0.1:5432 (trust auth for user postgres on our machines): start it if it is down,
# install it from Debian's packages if it is missing and we are root.
ensure_postgres() {
  local host="${GONGZHI_TEST_PG_HOST:-127.0.0.1}" port="${GONGZHI_TEST_PG_PORT:-5432}"
  if pg_ready "$host" "$port"; then
    return 0
  fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL is not installed: installing it from Debian's packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null
    local conf
    conf=$(ls /etc/postgresql/*/main/pg_hba.conf | head -n 1)
    # local development and CI only: trust connections from this machine
    sed -i -E 's/^(host\s+all\s+all\s+127\.0\.0\.1\/32\s+)\S+/\1trust/; s/^(local\s+all\s+all\s+)\S+/\1trust/' "$conf"
  fi
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "PostgreSQL is not running: starting it"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  fi
  for _ in $(seq 1 30); do
    pg_ready "$host" "$port" && return 0
    sleep 1
  done
  echo "PostgreSQL is not reachable on $host:$port. Start it with:" >&2
  echo "  pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start" >&2
  return 1
}

pg_ready() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$1" -p "$2"
  else
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
  fi
}
