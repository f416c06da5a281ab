#!/usr/bin/env bash
# Runs the whole test suite: every JUnit test against a fresh PostgreSQL database of its own (created
# and dropped by the tests), plus the offline validation of the Kubernetes manifests.
set -euo pipefail
cd "$(dirname "$0")/.."
. deploy/lib.sh
ensure_java
ensure_postgres

./mvnw -B -ntp verify -Dquarkus.analytics.disabled=true

if [ -x .ci/k8s/validate.sh ]; then
  .ci/k8s/validate.sh
fi
