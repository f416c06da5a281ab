// Offline validation of one rendered kustomization (base or an overlay):
//   kubectl kustomize k8s/overlays/prod | node validate.mjs k8s/overlays/prod
// 1. every built-in kind is checked against the Kubernetes OpenAPI schemas compiled into the npm package
//    kubernetes-models (no cluster, no network); custom resources (CloudNativePG's Cluster) are listed
//    and skipped: kubernetes-models has no schema for them;
// 2. a few rules of this project that a schema cannot express (probes, non-root, no committed Secret...).
// Prints one line per document; exits 1 if any document fails.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

const name = process.argv[2] ?? 'stdin';
const input = readFileSync(0, 'utf8');

const parsed = parseAllDocuments(input);
const docs = [];
for (const d of parsed) {
  if (d.errors.length > 0) {
    console.error(`${name}: YAML error: ${d.errors[0].message}`);
    process.exit(1);
  }
  const obj = d.toJS();
  if (obj) docs.push(obj);
}
if (docs.length === 0) {
  console.error(`${name}: nothing rendered`);
  process.exit(1);
}

// Groups served by Kubernetes itself: the core group (apiVersion "v1"), groups without a dot (apps, batch,
// policy, autoscaling...) and *.k8s.io. Anything else (postgresql.cnpg.io...) is a custom resource.
function isBuiltIn(apiVersion) {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return group === '' || !group.includes('.') || group.endsWith('.k8s.io');
}

// kubernetes-models exports one module per group/version: "kubernetes-models/apps/v1" has Deployment...
async function modelFor(apiVersion, kind) {
  let mod;
  try {
    mod = await import(`kubernetes-models/${apiVersion}`);
  } catch {
    return null;
  }
  return typeof mod[kind] === 'function' ? mod[kind] : null;
}

function schemaErrors(e) {
  const list = Array.isArray(e?.errors) ? e.errors : [];
  if (list.length === 0) return e?.message ?? String(e);
  return list.map((x) => `${x.instancePath || '/'} ${x.message}`).join('; ');
}

// --- project rules -------------------------------------------------------------------------------------
const APP_LABEL = ['app.kubernetes.io/name', 'gongzhi'];

function subset(selector, labels) {
  return Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
}

function projectRules(doc, all) {
  const problems = [];
  const kind = doc.kind;
  if (doc.metadata?.labels?.[APP_LABEL[0]] !== APP_LABEL[1]) {
    problems.push(`label ${APP_LABEL[0]}=${APP_LABEL[1]} missing`);
  }
  if (kind === 'Secret' && (doc.data || doc.stringData)) {
    problems.push('a Secret with values is committed; reference Secrets created outside the repository');
  }
  if (kind === 'ConfigMap') {
    for (const key of Object.keys(doc.data ?? {})) {
      if (/PASSWORD|SECRET/i.test(key)) problems.push(`${key} belongs in a Secret, not in a ConfigMap`);
    }
  }
  if (kind === 'Deployment') {
    const pod = doc.spec?.template?.spec ?? {};
    const labels = doc.spec?.template?.metadata?.labels;
    if (!subset(doc.spec?.selector?.matchLabels, labels)) problems.push('selector does not match the pod labels');
    if (pod.securityContext?.runAsNonRoot !== true) problems.push('pod securityContext.runAsNonRoot is not true');
    for (const c of pod.containers ?? []) {
      for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
        if (!c[probe]) problems.push(`container ${c.name}: ${probe} missing`);
      }
      if (!c.resources?.requests || !c.resources?.limits) problems.push(`container ${c.name}: requests/limits missing`);
      if (c.securityContext?.readOnlyRootFilesystem !== true) {
        problems.push(`container ${c.name}: readOnlyRootFilesystem is not true`);
      }
      for (const e of c.env ?? []) {
        if (/PASSWORD|SECRET/i.test(e.name) && e.value !== undefined) {
          problems.push(`container ${c.name}: ${e.name} has a literal value; use secretKeyRef`);
        }
      }
    }
  }
  if (kind === 'Service') {
    const selected = all.filter(
      (d) => d.kind === 'Deployment' && subset(doc.spec?.selector, d.spec?.template?.metadata?.labels),
    );
    if (selected.length === 0) problems.push('selector matches no Deployment');
  }
  if (kind === 'HorizontalPodAutoscaler') {
    const ref = doc.spec?.scaleTargetRef ?? {};
    if (!all.some((d) => d.kind === ref.kind && d.metadata?.name === ref.name)) {
      problems.push(`scale target ${ref.kind}/${ref.name} not rendered`);
    }
  }
  if (kind === 'PodDisruptionBudget') {
    const selected = all.filter(
      (d) => d.kind === 'Deployment' && subset(doc.spec?.selector?.matchLabels, d.spec?.template?.metadata?.labels),
    );
    if (selected.length === 0) problems.push('selector matches no Deployment');
  }
  return problems;
}

// --- run -----------------------------------------------------------------------------------------------
let failures = 0;
for (const doc of docs) {
  const apiVersion = doc.apiVersion ?? '';
  const label = `${name}: ${apiVersion} ${doc.kind}/${doc.metadata?.name ?? '?'}`;
  if (!apiVersion || !doc.kind || !doc.metadata?.name) {
    console.error(`${label} INVALID: apiVersion, kind and metadata.name are required`);
    failures++;
    continue;
  }
  if (!isBuiltIn(apiVersion)) {
    console.log(`${label} skipped (custom resource: no schema in kubernetes-models)`);
    continue;
  }
  const Model = await modelFor(apiVersion, doc.kind);
  if (!Model) {
    console.error(`${label} INVALID: kubernetes-models knows no ${doc.kind} in ${apiVersion}`);
    failures++;
    continue;
  }
  const problems = [];
  try {
    new Model(doc).validate();
  } catch (e) {
    problems.push(`schema: ${schemaErrors(e)}`);
  }
  problems.push(...projectRules(doc, docs));
  if (problems.length === 0) {
    console.log(`${label} ok`);
  } else {
    console.error(`${label} INVALID: ${problems.join('; ')}`);
    failures++;
  }
}
process.exit(failures === 0 ? 0 : 1);
