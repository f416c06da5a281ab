// Checks that gongzhi and the peers answer a scenario with the same rows and fields (bench/run.sh, once per
// scenario). Each answer is normalised: connections (edges/node, nodes) become arrays, a membership row
// wrapping its member is unwrapped, PostGraphile's rowId/id and gongzhi's opaque ids become database ids,
// fields that are null are dropped (gongzhi's householdCount of a community, which the peers do not have).
//   node bench/compare.mjs gongzhi.json pg4.json pg5.json   -> prints "same N rows" or the first difference; exit 1
import { readFileSync } from "node:fs";

function dbId(v) {
  if (typeof v !== "string") return v;
  if (/^\d+$/.test(v)) return Number(v);
  const raw = Buffer.from(v, "base64url").toString("utf8");
  const m = raw.match(/^[A-Za-z]+:(\d+)$/);
  return m ? Number(m[1]) : v;
}

function norm(v) {
  if (Array.isArray(v)) return v.map(norm);
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v.edges)) return { ...rest(v, "edges", "pageInfo"), rows: v.edges.map((e) => norm(e.node)) };
  if (Array.isArray(v.nodes)) return { ...rest(v, "nodes"), rows: v.nodes.map((n) => norm(n)) };
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === "member") return norm(v.member);
  const entries = keys.filter((k) => v[k] !== null)
    .map((k) => (k === "id" || k === "rowId" ? ["id", dbId(v[k])] : [k, norm(v[k])]));
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function rest(v, ...drop) {
  const kept = {};
  for (const k of Object.keys(v)) if (!drop.includes(k)) kept[k] = v[k];
  return norm(kept);
}

function count(v) {
  if (Array.isArray(v)) return v.reduce((n, x) => n + count(x), 0);
  if (v === null || typeof v !== "object") return 0;
  return 1 + Object.values(v).reduce((n, x) => n + count(x), 0);
}

function firstDiff(a, b, path = "$") {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (a && b && typeof a === "object" && typeof b === "object") {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDiff(a[k], b[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 120)} vs ${JSON.stringify(b)?.slice(0, 120)}`;
}

const [reference, ...others] = process.argv.slice(2).map((f) => {
  const body = JSON.parse(readFileSync(f, "utf8"));
  if (body.errors || !body.data) throw new Error(`${f}: ${JSON.stringify(body).slice(0, 300)}`);
  return { f, v: norm(Object.values(body.data)[0]) };
});
let failed = false;
for (const o of others) {
  const d = firstDiff(reference.v, o.v);
  if (d) {
    failed = true;
    console.log(`DIFFERENT ${reference.f} vs ${o.f} at ${d}`);
  }
}
if (!failed) console.log(`same ${count(reference.v)} objects`);
process.exit(failed ? 1 : 0);
