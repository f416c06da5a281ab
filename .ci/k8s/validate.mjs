// Offline validation of one rendered overlay:
//   kubectl kustomize k8s/overlays/prod | node validate.mjs k8s/overlays/prod --prod
//   kubectl kustomize k8s/overlays/prod | node validate.mjs k8s/overlays/prod --self-test
// 1. every document is checked against a schema: built-in kinds against the Kubernetes OpenAPI schemas compiled into
//    the npm package kubernetes-models, PodMonitor/PrometheusRule against @kubernetes-models/prometheus-operator,
//    CloudNativePG's Cluster/ScheduledBackup and Barman Cloud's ObjectStore against crd-schemas.mjs; a kind with no
//    schema is an error;
// 2. the rules of this project that a schema cannot express (README "Deploy on Kubernetes"): probes, non-root, heap
//    set for the runtime, preStop and a grace period that covers the shutdown, zone and node spread (hard in prod),
//    images by digest (prod), no placeholder values, an Ingress with WebSocket timeouts, NetworkPolicies that let in
//    only the ingress controller and Prometheus and let out only DNS, the database and the identity provider, a
//    PodMonitor and alerts, WAL archiving and a ScheduledBackup (prod).
// --self-test breaks a rendered prod overlay in known ways and fails unless every break is reported.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import Ajv from 'ajv';
import { CRD_SCHEMAS } from './crd-schemas.mjs';

const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith('--')) ?? 'stdin';
const prod = args.includes('--prod');
const selfTest = args.includes('--self-test');

const docs = [];
for (const d of parseAllDocuments(readFileSync(0, 'utf8'))) {
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

// --- schemas -------------------------------------------------------------------------------------------------------
// Groups served by Kubernetes itself: the core group, groups without a dot (apps, policy...) and *.k8s.io.
function isBuiltIn(apiVersion) {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return group === '' || !group.includes('.') || group.endsWith('.k8s.io');
}

async function modelFor(apiVersion, kind) {
  const module = apiVersion.startsWith('monitoring.coreos.com/')
    ? `@kubernetes-models/prometheus-operator/${apiVersion}`
    : isBuiltIn(apiVersion) ? `kubernetes-models/${apiVersion}` : null;
  if (!module) return null;
  try {
    const mod = await import(module);
    return typeof mod[kind] === 'function' ? mod[kind] : null;
  } catch {
    return null;
  }
}

const ajv = new Ajv({ allErrors: true, strict: false });
const crdValidators = Object.fromEntries(Object.entries(CRD_SCHEMAS).map(([k, s]) => [k, ajv.compile(s)]));

function schemaErrors(e) {
  const list = Array.isArray(e?.errors) ? e.errors : [];
  if (list.length === 0) return e?.message ?? String(e);
  return list.map((x) => `${x.instancePath || '/'} ${x.message}`).join('; ');
}

async function schemaProblems(doc) {
  const key = `${doc.apiVersion}/${doc.kind}`;
  if (crdValidators[key]) {
    const validate = crdValidators[key];
    return validate(doc) ? [] : [`schema: ${schemaErrors(validate)}`];
  }
  const Model = await modelFor(doc.apiVersion, doc.kind);
  if (!Model) return [`no schema known for ${doc.kind} in ${doc.apiVersion}`];
  try {
    new Model(doc).validate();
    return [];
  } catch (e) {
    return [`schema: ${schemaErrors(e)}`];
  }
}

// --- project rules -------------------------------------------------------------------------------------------------
const APP = 'app.kubernetes.io/name';
const PART_OF = 'app.kubernetes.io/part-of';
const PLACEHOLDER = /example\.(org|com|net)\b|from-site-env|your-domain|<[A-Za-z0-9 ]+>|change.?me|\bTODO\b/i;
const DIGEST = /@sha256:[0-9a-f]{64}$/;

const subset = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
const of = (kind) => docs.filter((d) => d.kind === kind);
// recomputed on every use: --self-test swaps the documents
const theApp = () => of('Deployment').find((d) => d.metadata?.name === 'gongzhi');
const appPodLabelsOf = () => theApp()?.spec?.template?.metadata?.labels ?? {};
const theConfig = () => of('ConfigMap').find((d) => d.metadata?.name === 'gongzhi-config');
const theClusters = () => of('Cluster');

function seconds(text, fallback) {
  const m = /^(\d+)(ms|s|m)?$/i.exec(String(text ?? '').trim());
  if (!m) return fallback;
  const n = Number(m[1]);
  return m[2] === 'ms' ? n / 1000 : m[2] === 'm' ? n * 60 : n;
}

function bytes(q) {
  const m = /^(\d+(?:\.\d+)?)([kmgKMG]i?)?$/.exec(String(q ?? ''));
  if (!m) return NaN;
  const unit = { k: 1e3, m: 1e6, g: 1e9, K: 1e3, M: 1e6, G: 1e9, ki: 1024, Ki: 1024, Mi: 1024 ** 2, mi: 1024 ** 2, Gi: 1024 ** 3, gi: 1024 ** 3 };
  return Number(m[1]) * (m[2] ? unit[m[2]] : 1);
}

function strings(value, path, out) {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
  return out;
}

function deploymentRules(doc) {
  const p = [];
  const config = theConfig();
  const clusters = theClusters();
  const pod = doc.spec?.template?.spec ?? {};
  const labels = doc.spec?.template?.metadata?.labels;
  if (!subset(doc.spec?.selector?.matchLabels, labels)) p.push('selector does not match the pod labels');
  if (pod.securityContext?.runAsNonRoot !== true) p.push('pod securityContext.runAsNonRoot is not true');
  const runtime = doc.spec?.template?.metadata?.annotations?.['gongzhi.org/runtime'];
  if (!['native', 'jvm'].includes(runtime)) p.push('annotation gongzhi.org/runtime must say native or jvm');
  for (const c of pod.containers ?? []) {
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
      if (!c[probe]) p.push(`container ${c.name}: ${probe} missing`);
    }
    if (c.readinessProbe?.httpGet?.path !== '/q/health/ready') p.push(`container ${c.name}: readiness must ask /q/health/ready`);
    const limit = bytes(c.resources?.limits?.memory);
    if (!c.resources?.requests?.memory || !c.resources?.requests?.cpu || !limit) {
      p.push(`container ${c.name}: cpu/memory requests and a memory limit are required`);
    }
    if (c.securityContext?.readOnlyRootFilesystem !== true) p.push(`container ${c.name}: readOnlyRootFilesystem is not true`);
    for (const e of c.env ?? []) {
      if (/PASSWORD|SECRET|KEY/i.test(e.name) && e.value !== undefined) {
        p.push(`container ${c.name}: ${e.name} has a literal value; use secretKeyRef`);
      }
    }
    // images: never "latest" or untagged; by digest in prod
    if (!/[:@]/.test(c.image?.split('/').pop() ?? '') || /:latest$/.test(c.image)) p.push(`container ${c.name}: image ${c.image} is not pinned`);
    if (prod && !DIGEST.test(c.image ?? '')) p.push(`container ${c.name}: prod images are referenced by digest (@sha256:...), not ${c.image}`);
    // heap set for the runtime that runs
    const xmx = (c.args ?? []).map((a) => /^-Xmx(\d+[kmgKMG]?)$/.exec(a)).find(Boolean);
    if (runtime === 'native') {
      if (!xmx) p.push(`container ${c.name}: the native executable needs an explicit -Xmx (it does not size itself to the container)`);
      else if (bytes(xmx[1].replace(/([kmg])$/i, (u) => u.toUpperCase() + 'i')) > 0.75 * limit) {
        p.push(`container ${c.name}: -Xmx${xmx[1]} leaves too little of the ${c.resources.limits.memory} limit outside the heap`);
      }
    }
    if (runtime === 'jvm') {
      const env = Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value]));
      const ratio = Number(env.JAVA_MAX_MEM_RATIO);
      if (!(ratio > 0 && ratio <= 80) && !/MaxRAMPercentage/.test(`${env.JAVA_OPTS_APPEND ?? ''} ${env.JAVA_OPTS ?? ''}`)) {
        p.push(`container ${c.name}: the JVM heap must be a share of the limit (JAVA_MAX_MEM_RATIO <= 80 or -XX:MaxRAMPercentage)`);
      }
      if (xmx) p.push(`container ${c.name}: -Xmx arguments do not reach the JVM of the JVM image`);
    }
    // graceful shutdown: preStop, then Quarkus' delay and timeout, all inside the grace period
    const pre = c.lifecycle?.preStop;
    if (!pre) p.push(`container ${c.name}: lifecycle.preStop missing (rollouts would cut connections and subscriptions)`);
    const preSeconds = pre?.sleep?.seconds ?? 0;
    const delay = seconds(config?.data?.GONGZHI_SHUTDOWN_DELAY, 3);
    const timeout = seconds(config?.data?.GONGZHI_SHUTDOWN_TIMEOUT, 20);
    const grace = pod.terminationGracePeriodSeconds ?? 30;
    if (grace <= preSeconds + delay + timeout) {
      p.push(`terminationGracePeriodSeconds ${grace} must exceed preStop ${preSeconds}s + shutdown delay ${delay}s + timeout ${timeout}s`);
    }
  }
  // spread over zones and nodes; hard rules in prod
  for (const key of ['topology.kubernetes.io/zone', 'kubernetes.io/hostname']) {
    const t = (pod.topologySpreadConstraints ?? []).find((x) => x.topologyKey === key);
    if (!t) p.push(`topologySpreadConstraints: no spread over ${key}`);
    else if (!subset(t.labelSelector?.matchLabels, labels)) p.push(`topologySpreadConstraints over ${key} select other pods`);
    else if (prod && t.whenUnsatisfiable !== 'DoNotSchedule') p.push(`topologySpreadConstraints over ${key}: prod needs DoNotSchedule`);
  }
  for (const ref of (pod.containers ?? []).flatMap((c) => c.envFrom ?? [])) {
    if (ref.configMapRef && !of('ConfigMap').some((d) => d.metadata?.name === ref.configMapRef.name)) {
      p.push(`envFrom ConfigMap ${ref.configMapRef.name} is not rendered`);
    }
  }
  const secrets = (pod.containers ?? []).flatMap((c) => c.env ?? []).map((e) => e.valueFrom?.secretKeyRef?.name).filter(Boolean);
  for (const s of new Set(secrets)) {
    if (s.endsWith('-app') && !clusters.some((cl) => `${cl.metadata.name}-app` === s)) {
      p.push(`Secret ${s} is not the application Secret of a rendered CloudNativePG cluster`);
    }
  }
  return p;
}

function configRules(doc) {
  const p = [];
  const clusters = theClusters();
  const oidc = doc.data?.QUARKUS_OIDC_AUTH_SERVER_URL ?? '';
  if (!/^https:\/\/[^/\s]+/.test(oidc) && !(!prod && /^http:\/\/[^/\s]+/.test(oidc))) {
    p.push(`QUARKUS_OIDC_AUTH_SERVER_URL must be an ${prod ? 'https' : 'http(s)'} URL, not "${oidc}"`);
  }
  if (!doc.data?.QUARKUS_OIDC_CLIENT_ID) p.push('QUARKUS_OIDC_CLIENT_ID is empty');
  const jdbc = /^jdbc:postgresql:\/\/([^:/]+)/.exec(doc.data?.QUARKUS_DATASOURCE_JDBC_URL ?? '');
  if (!jdbc) p.push('QUARKUS_DATASOURCE_JDBC_URL is not a PostgreSQL JDBC URL');
  else if (clusters.length > 0 && !clusters.some((c) => jdbc[1] === `${c.metadata.name}-rw`)) {
    p.push(`the JDBC URL's host ${jdbc[1]} is not the read-write Service of a rendered cluster`);
  }
  for (const key of Object.keys(doc.data ?? {})) {
    if (/PASSWORD|SECRET/i.test(key)) p.push(`${key} belongs in a Secret, not in a ConfigMap`);
  }
  return p;
}

function ingressRules(doc) {
  const p = [];
  const a = doc.metadata?.annotations ?? {};
  for (const k of ['proxy-read-timeout', 'proxy-send-timeout']) {
    if (!(Number(a[`nginx.ingress.kubernetes.io/${k}`]) >= 3600)) p.push(`${k} must be >= 3600 s: subscriptions are long-lived WebSockets`);
  }
  const rules = doc.spec?.rules ?? [];
  if (rules.length === 0) p.push('no rules');
  for (const r of rules) {
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$/.test(r.host ?? '')) p.push(`host "${r.host}" is not a DNS name`);
    if (!(doc.spec?.tls ?? []).some((t) => t.hosts?.includes(r.host) && t.secretName)) p.push(`no TLS for ${r.host}`);
    for (const path of r.http?.paths ?? []) {
      const svc = of('Service').find((s) => s.metadata?.name === path.backend?.service?.name);
      if (!svc) p.push(`backend Service ${path.backend?.service?.name} is not rendered`);
      else if (!svc.spec.ports.some((x) => x.name === path.backend.service.port?.name || x.port === path.backend.service.port?.number)) {
        p.push(`backend port of ${svc.metadata.name} does not exist`);
      }
    }
  }
  return p;
}

function networkPolicyRules(doc) {
  const p = [];
  const clusters = theClusters();
  const appPodLabels = appPodLabelsOf();
  if (!subset(doc.spec?.podSelector?.matchLabels, appPodLabels)) return p; // not about the API pods
  const types = doc.spec?.policyTypes ?? [];
  if (!types.includes('Ingress') || !types.includes('Egress')) p.push('policyTypes must include Ingress and Egress');
  for (const [i, r] of (doc.spec?.ingress ?? []).entries()) {
    if (!r.from?.length) p.push(`ingress[${i}] is open to every source`);
    for (const peer of r.from ?? []) {
      const ns = peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'];
      if (!ns) p.push(`ingress[${i}] must name one namespace (kubernetes.io/metadata.name), not ${JSON.stringify(peer)}`);
      if (peer.ipBlock) p.push(`ingress[${i}] admits an address block`);
    }
  }
  const egress = doc.spec?.egress ?? [];
  let dns = false;
  let db = false;
  let idp = false;
  for (const [i, r] of egress.entries()) {
    const ports = (r.ports ?? []).map((x) => x.port);
    if (!r.to?.length || ports.length === 0) {
      p.push(`egress[${i}] is unrestricted (every rule names its destinations and ports)`);
      continue;
    }
    if (ports.every((x) => x === 53)) {
      dns = true;
      for (const peer of r.to) {
        if (peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] !== 'kube-system'
            || !subset(peer.podSelector?.matchLabels, { 'k8s-app': 'kube-dns' }) || !peer.podSelector?.matchLabels) {
          p.push(`egress[${i}]: DNS goes to the cluster resolver only (kube-system, k8s-app=kube-dns)`);
        }
      }
    } else if (ports.every((x) => x === 5432)) {
      db = true;
      for (const peer of r.to) {
        const selected = clusters.some((c) => peer.podSelector?.matchLabels && subset(peer.podSelector.matchLabels, { 'cnpg.io/cluster': c.metadata.name }));
        if (!selected) p.push(`egress[${i}]: the database rule must select the instances of a rendered cluster (cnpg.io/cluster)`);
      }
    } else if (ports.every((x) => x === 443)) {
      idp = true;
      for (const peer of r.to) {
        const cidr = peer.ipBlock?.cidr ?? '';
        if (!/^[0-9a-f.:]+\/\d{1,3}$/i.test(cidr) || /^0\.0\.0\.0\/0$|^::\/0$/.test(cidr)) {
          p.push(`egress[${i}]: the identity provider rule needs its address block, not "${cidr}"`);
        }
      }
    } else {
      p.push(`egress[${i}] to ports ${ports.join(',')} is not DNS, the database or the identity provider`);
    }
  }
  if (!dns || !db || !idp) p.push('egress must allow DNS, the database and the identity provider');
  return p;
}

function podMonitorRules(doc) {
  const p = [];
  const app = theApp();
  const appPodLabels = appPodLabelsOf();
  const selectsApp = subset(doc.spec?.selector?.matchLabels, appPodLabels);
  if (!selectsApp) return p;
  const ports = (app?.spec?.template?.spec?.containers ?? []).flatMap((c) => c.ports ?? []).map((x) => x.name);
  for (const e of doc.spec?.podMetricsEndpoints ?? []) {
    if (e.path !== '/q/metrics') p.push(`endpoint path ${e.path} is not /q/metrics`);
    if (!ports.includes(e.port)) p.push(`endpoint port ${e.port} is not a port of the gongzhi container`);
  }
  return p;
}

function clusterRules(doc) {
  const p = [];
  if (prod) {
    if (doc.spec.instances < 3) p.push('prod runs at least 3 instances');
    if (!DIGEST.test(doc.spec.imageName ?? '')) p.push(`prod images are referenced by digest, not ${doc.spec.imageName}`);
    const archiver = (doc.spec.plugins ?? []).find((x) => x.isWALArchiver);
    if (!archiver) p.push('no WAL archiving (a plugin with isWALArchiver: true)');
    else {
      const store = archiver.parameters?.barmanObjectName;
      if (!of('ObjectStore').some((o) => o.metadata.name === store)) p.push(`WAL archive object store ${store} is not rendered`);
      const backup = of('ScheduledBackup').find((b) => b.spec.cluster?.name === doc.metadata.name);
      if (!backup) p.push('no ScheduledBackup for this cluster');
      else if (backup.spec.method !== 'plugin' || backup.spec.pluginConfiguration?.name !== archiver.name) {
        p.push(`ScheduledBackup ${backup.metadata.name} does not use the archiving plugin ${archiver.name}`);
      }
    }
  }
  return p;
}

function globalRules() {
  const p = [];
  const app = theApp();
  const clusters = theClusters();
  const appPodLabels = appPodLabelsOf();
  if (!app) p.push('Deployment/gongzhi is not rendered');
  for (const kind of ['Service', 'Ingress', 'NetworkPolicy', 'PodMonitor', 'PrometheusRule']) {
    if (of(kind).length === 0) p.push(`no ${kind} rendered`);
  }
  if (clusters.length === 0) p.push('no CloudNativePG Cluster rendered');
  if (!of('PodMonitor').some((m) => subset(m.spec?.selector?.matchLabels, appPodLabels))) p.push('no PodMonitor selects the API pods');
  const rules = of('PrometheusRule').flatMap((r) => r.spec?.groups ?? []).flatMap((g) => g.rules ?? []);
  if (rules.length === 0 || rules.some((r) => !r.alert || !r.expr)) p.push('PrometheusRules need alerts with an expr');
  if (prod) {
    const hpa = of('HorizontalPodAutoscaler')[0];
    if (!hpa || hpa.spec.minReplicas < 2) p.push('prod autoscales from at least 2 replicas');
    if (of('PodDisruptionBudget').length === 0) p.push('prod needs a PodDisruptionBudget');
    if (of('ScheduledBackup').length === 0) p.push('prod needs a ScheduledBackup');
  }
  return p;
}

function documentRules(doc) {
  const p = [];
  if (doc.metadata?.labels?.[PART_OF] !== 'gongzhi') p.push(`label ${PART_OF}=gongzhi missing`);
  for (const [path, value] of strings(doc, '', [])) {
    if (PLACEHOLDER.test(value)) p.push(`placeholder value at ${path}: "${value}" (set it in site.env)`);
  }
  if (doc.kind === 'Secret' && (doc.data || doc.stringData)) {
    p.push('a Secret with values is committed; reference Secrets created outside the repository');
  }
  switch (doc.kind) {
    case 'Deployment': p.push(...deploymentRules(doc)); break;
    case 'ConfigMap': if (doc.metadata.name === 'gongzhi-config') p.push(...configRules(doc)); break;
    case 'Ingress': p.push(...ingressRules(doc)); break;
    case 'NetworkPolicy': p.push(...networkPolicyRules(doc)); break;
    case 'PodMonitor': p.push(...podMonitorRules(doc)); break;
    case 'Cluster': p.push(...clusterRules(doc)); break;
    case 'Service':
      if (!of('Deployment').some((d) => subset(doc.spec?.selector, d.spec?.template?.metadata?.labels))) p.push('selector matches no Deployment');
      break;
    case 'HorizontalPodAutoscaler': {
      const ref = doc.spec?.scaleTargetRef ?? {};
      if (!docs.some((d) => d.kind === ref.kind && d.metadata?.name === ref.name)) p.push(`scale target ${ref.kind}/${ref.name} not rendered`);
      break;
    }
    case 'PodDisruptionBudget':
      if (!of('Deployment').some((d) => subset(doc.spec?.selector?.matchLabels, d.spec?.template?.metadata?.labels))) p.push('selector matches no Deployment');
      break;
    default:
  }
  return p;
}

async function validate(all) {
  const lines = [];
  for (const doc of all) {
    const label = `${doc.apiVersion ?? '?'} ${doc.kind ?? '?'}/${doc.metadata?.name ?? '?'}`;
    if (!doc.apiVersion || !doc.kind || !doc.metadata?.name) {
      lines.push([label, ['apiVersion, kind and metadata.name are required']]);
      continue;
    }
    lines.push([label, [...(await schemaProblems(doc)), ...documentRules(doc)]]);
  }
  lines.push(['overlay', globalRules()]);
  return lines;
}

// --- self-test: each break must be reported ------------------------------------------------------------------------
const BREAKS = {
  'image by tag': (ds) => { ds.find((d) => d.kind === 'Deployment').spec.template.spec.containers[0].image = 'registry.gov.cn/gongzhi:1.0'; },
  'soft zone spread': (ds) => { ds.find((d) => d.kind === 'Deployment').spec.template.spec.topologySpreadConstraints[0].whenUnsatisfiable = 'ScheduleAnyway'; },
  'no preStop': (ds) => { delete ds.find((d) => d.kind === 'Deployment').spec.template.spec.containers[0].lifecycle; },
  'short grace period': (ds) => { ds.find((d) => d.kind === 'Deployment').spec.template.spec.terminationGracePeriodSeconds = 20; },
  'native heap not set': (ds) => { ds.find((d) => d.kind === 'Deployment').spec.template.spec.containers[0].args = []; },
  'ingress open to all': (ds) => { ds.find((d) => d.kind === 'NetworkPolicy').spec.ingress[0].from = [{ namespaceSelector: {} }]; },
  'unrestricted DNS': (ds) => { delete ds.find((d) => d.kind === 'NetworkPolicy').spec.egress[0].to; },
  'database egress selects nothing': (ds) => { ds.find((d) => d.kind === 'NetworkPolicy').spec.egress[1].to[0].podSelector.matchLabels[APP] = 'gongzhi'; },
  'egress anywhere': (ds) => { ds.find((d) => d.kind === 'NetworkPolicy').spec.egress.push({ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 80 }] }); },
  'no WebSocket timeouts': (ds) => { delete ds.find((d) => d.kind === 'Ingress').metadata.annotations['nginx.ingress.kubernetes.io/proxy-read-timeout']; },
  'placeholder host': (ds) => { ds.find((d) => d.kind === 'Ingress').spec.rules[0].host = 'gongzhi.example.org'; },
  'no ScheduledBackup': (ds) => { ds.splice(ds.findIndex((d) => d.kind === 'ScheduledBackup'), 1); },
  'no WAL archiving': (ds) => { delete ds.find((d) => d.kind === 'Cluster').spec.plugins; },
  'typo in the Cluster': (ds) => { ds.find((d) => d.kind === 'Cluster').spec.instance = 3; },
  'metrics path': (ds) => { ds.find((d) => d.kind === 'PodMonitor' && d.metadata.name === 'gongzhi').spec.podMetricsEndpoints[0].path = '/metrics'; },
  'unknown custom resource': (ds) => { ds.push({ apiVersion: 'example.io/v1', kind: 'Thing', metadata: { name: 'x', labels: { [PART_OF]: 'gongzhi' } } }); },
};

if (selfTest) {
  // the unbroken rendering must be valid, so that every problem found below comes from its break
  if ((await validate(docs)).some(([, problems]) => problems.length > 0)) {
    console.error(`${name}: self-test needs a valid rendering to break`);
    process.exit(1);
  }
  const original = structuredClone(docs);
  let missed = 0;
  for (const [what, breakIt] of Object.entries(BREAKS)) {
    const copy = structuredClone(original);
    breakIt(copy);
    docs.splice(0, docs.length, ...copy);
    const found = (await validate(copy)).some(([, problems]) => problems.length > 0);
    if (!found) {
      console.error(`${name}: self-test: "${what}" was NOT reported`);
      missed++;
    }
  }
  if (missed === 0) console.log(`${name}: self-test: all ${Object.keys(BREAKS).length} breaks reported`);
  process.exit(missed === 0 ? 0 : 1);
}

let failures = 0;
for (const [label, problems] of await validate(docs)) {
  if (problems.length === 0) {
    if (label !== 'overlay') console.log(`${name}: ${label} ok`);
  } else {
    console.error(`${name}: ${label} INVALID: ${problems.join('; ')}`);
    failures++;
  }
}
process.exit(failures === 0 ? 0 : 1);
