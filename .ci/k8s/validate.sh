#!/usr/bin/env bash
# Renders k8s/base and every overlay with kustomize and validates the result offline (.ci/k8s/validate.mjs:
# Kubernetes schemas from the npm package kubernetes-models, plus this project's rules).
# Needs kubectl (or kustomize) and Node.js with npm; the npm registry only for the first `npm ci`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if command -v kubectl >/dev/null 2>&1; then
  render() { kubectl kustomize "$1"; }
elif command -v kustomize >/dev/null 2>&1; then
  render() { kustomize build "$1"; }
else
  echo "k8s validation: kubectl is not installed (nor kustomize), so the manifests cannot be rendered." >&2
  echo "Install kubectl (https://kubernetes.io/docs/tasks/tools/) and run $0 again." >&2
  exit 1
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "k8s validation: Node.js and npm are required (kubernetes-models asks for Node 22+; 20 works)." >&2
  exit 1
fi

# Exactly the locked dependency tree (package-lock.json).
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

status=0
for dir in "$root/k8s/base" "$root"/k8s/overlays/*/; do
  dir="${dir%/}"
  rel="${dir#"$root"/}"
  if ! rendered="$(render "$dir")"; then
    echo "$rel: kustomize failed" >&2
    status=1
    continue
  fi
  printf '%s\n' "$rendered" | node "$here/validate.mjs" "$rel" || status=1
done

if [ "$status" -eq 0 ]; then
  echo "k8s manifests valid"
else
  echo "k8s manifests INVALID (see above)" >&2
fi
exit "$status"
