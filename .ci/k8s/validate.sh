#!/usr/bin/env bash
# Renders every overlay with kustomize and validates the result offline (validate.mjs: schemas of Kubernetes, of the
# Prometheus Operator and of CloudNativePG, plus this project's rules), with the values of a test installation
# (.ci/k8s/site/<overlay>.env) in place of the operator's site.env. Also checks that each overlay's site.env.example
# documents exactly the keys the overlay needs, that an overlay without site.env does not render, that the JVM
# component renders valid manifests, and that the validator reports every known kind of break (--self-test).
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

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$root/k8s" "$work/k8s"
rm -f "$work"/k8s/overlays/*/site.env   # never the operator's own values

keys() { grep -Ev '^\s*(#|$)' "$1" | cut -d= -f1 | sort; }

status=0
for dir in "$work"/k8s/overlays/*/; do
  overlay="$(basename "$dir")"
  rel="k8s/overlays/$overlay"
  fixture="$here/site/$overlay.env"
  if [ ! -f "$dir/site.env.example" ] || [ ! -f "$fixture" ]; then
    echo "$rel: site.env.example and .ci/k8s/site/$overlay.env are both required" >&2
    status=1
    continue
  fi
  if [ "$(keys "$dir/site.env.example")" != "$(keys "$fixture")" ]; then
    echo "$rel: site.env.example and .ci/k8s/site/$overlay.env name different keys" >&2
    diff <(keys "$dir/site.env.example") <(keys "$fixture") >&2 || true
    status=1
  fi
  if render "$dir" >/dev/null 2>&1; then
    echo "$rel: renders without site.env (it must fail closed instead of using defaults)" >&2
    status=1
  fi
  cp "$fixture" "$dir/site.env"
  flags=()
  [ "$overlay" = prod ] && flags=(--prod)
  if ! rendered="$(render "$dir")"; then
    echo "$rel: kustomize failed" >&2
    status=1
    continue
  fi
  printf '%s\n' "$rendered" | node "$here/validate.mjs" "$rel" "${flags[@]}" || status=1
  if [ "$overlay" = prod ]; then
    printf '%s\n' "$rendered" | node "$here/validate.mjs" "$rel" --prod --self-test || status=1
  fi
done

# The JVM image instead of the native executable (components/jvm), on top of prod.
mkdir -p "$work/k8s/overlays-jvm/prod"
cat > "$work/k8s/overlays-jvm/prod/kustomization.yaml" <<'YAML'
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [../../overlays/prod]
components: [../../components/jvm]
YAML
if rendered="$(render "$work/k8s/overlays-jvm/prod")"; then
  printf '%s\n' "$rendered" | node "$here/validate.mjs" "k8s/overlays/prod + components/jvm" --prod || status=1
else
  echo "k8s/overlays/prod + components/jvm: kustomize failed" >&2
  status=1
fi

if [ "$status" -eq 0 ]; then
  echo "k8s manifests valid"
else
  echo "k8s manifests INVALID (see above)" >&2
fi
exit "$status"
