// Turns the raw read runs of bench/run.sh (reads.tsv: one line per round, scenario, concurrency and server) into
// the result table: req/s as the mean of the rounds (range in brackets), percentiles as the mean of the rounds,
// errors summed, RSS the peak; ratio = gongzhi's mean req/s / the better peer's.
import { readFileSync } from "node:fs";

const names = { member: "one member by id with household and building", grid: "one grid's first 20 members with household",
  tree: "console tree (street > communities > grids > 20 members > household > building)" };
const [header, ...lines] = readFileSync(process.argv[2], "utf8").trim().split("\n");
const cols = header.split("\t");
const rows = lines.map((l) => Object.fromEntries(l.split("\t").map((v, i) => [cols[i], v])));
const servers = [...new Set(rows.map((r) => r.server))];
const keys = [...new Set(rows.map((r) => `${r.scenario} ${r.c}`))];
const num = (v) => (v === undefined || v === "" || v === "-" ? NaN : Number(v));
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "-");

const label = { gongzhi: "gongzhi", pg4: "PG4", pg5: "PG5" };
const head = ["scenario", "c", ...servers.map((s) => `${label[s]} req/s`), "gongzhi / best peer",
  ...servers.map((s) => `${label[s]} p50/p95/p99 ms`), `errors ${servers.map((s) => label[s]).join("/")}`,
  `peak RSS MiB ${servers.map((s) => label[s]).join("/")}`];
console.log(`| ${head.join(" | ")} |`);
console.log(`|${head.map(() => "---").join("|")}|`);
for (const k of keys) {
  const [scenario, c] = k.split(" ");
  const stat = {};
  for (const s of servers) {
    const rs = rows.filter((r) => r.scenario === scenario && r.c === c && r.server === s);
    const rps = rs.map((r) => num(r.rps)).filter(Number.isFinite);
    // a run without a single answer has no percentiles (wrk reports 0): leave them out
    const answered = rs.filter((r) => num(r.rps) > 0);
    stat[s] = {
      rps: mean(rps), min: Math.min(...rps), max: Math.max(...rps), n: rps.length,
      p: ["p50", "p95", "p99"].map((p) => mean(answered.map((r) => num(r[p])).filter(Number.isFinite))),
      errors: rs.reduce((a, r) => a + (num(r.errors) || 0), 0) + rs.filter((r) => !Number.isFinite(num(r.rps))).length,
      rss: Math.max(...rs.map((r) => num(r.rss)).filter(Number.isFinite)),
    };
  }
  const peers = servers.filter((s) => s !== "gongzhi").map((s) => stat[s].rps).filter(Number.isFinite);
  const best = peers.length ? Math.max(...peers) : NaN;
  const cell = (s) => {
    const x = stat[s];
    if (!x.n) return "failed";
    return x.n > 1 ? `${f(x.rps)} (${f(x.min)}–${f(x.max)})` : f(x.rps);
  };
  console.log(`| ${[names[scenario] ?? scenario, c, ...servers.map(cell), f(stat.gongzhi.rps / best, 2),
    ...servers.map((s) => stat[s].p.map((p) => f(p)).join(" / ")), servers.map((s) => stat[s].errors).join(" / "),
    servers.map((s) => (Number.isFinite(stat[s].rss) ? stat[s].rss : "-")).join(" / ")].join(" | ")} |`);
}
