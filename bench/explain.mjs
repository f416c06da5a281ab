// Plans of the statements the application really sends (bench/district.sh): reads PostgreSQL's statement log of the
// logged app instance, takes each distinct read statement with the parameters it was sent with, runs
// EXPLAIN (ANALYZE, BUFFERS) on it and flags sequential scans of large tables and scans that discard many rows.
//   node bench/explain.mjs <pg log> <marks file: "request offset" lines> <role@db> <database> <plans out> > summary.md
import { readFileSync, writeFileSync, openSync, readSync, fstatSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(fileURLToPath(new URL("./peers/pg4/package.json", import.meta.url)));
const { Client } = require("pg");
const [logFile, marksFile, who, database, plansOut] = process.argv.slice(2);

const marks = readFileSync(marksFile, "utf8").trim().split("\n").map((l) => {
  const i = l.lastIndexOf(" ");
  return { request: l.slice(0, i), offset: Number(l.slice(i + 1)) };
});
const fd = openSync(logFile, "r");
const start = marks[0].offset;
const size = fstatSync(fd).size - start;
const buf = Buffer.alloc(size);
readSync(fd, buf, 0, size, start);

// log entries: "<time> UTC [pid] user@db LOG:  ..." with continuation lines for multi-line statements
const head = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[(\d+)\] (\S*) (LOG|DETAIL|ERROR|STATEMENT):  ?(.*)$/;
const entries = [];
let pos = start;
for (const line of buf.toString("utf8").split("\n")) {
  const m = line.match(head);
  if (m) entries.push({ pid: m[1], who: m[2], kind: m[3], text: m[4], at: pos });
  else if (entries.length) entries[entries.length - 1].text += "\n" + line;
  pos += Buffer.byteLength(line, "utf8") + 1;
}
const requestAt = (at) => marks.filter((m) => m.offset <= at).at(-1)?.request ?? "?";

const statements = [];
const lastByPid = new Map();
for (const e of entries) {
  if (e.who !== who) continue;
  if (e.kind === "LOG") {
    const m = e.text.match(/^(?:execute [^:]*|statement): ([\s\S]*)$/);
    if (!m) continue;
    const s = { sql: m[1].trim(), params: [], request: requestAt(e.at) };
    statements.push(s);
    lastByPid.set(e.pid, s);
  } else if (e.kind === "DETAIL" && e.text.startsWith("parameters:")) {
    const s = lastByPid.get(e.pid);
    if (!s) continue;
    for (const p of e.text.matchAll(/\$(\d+) = (NULL|'(?:[^']|'')*')/g)) s.params[Number(p[1])] = p[2];
  }
}

const reads = [];
const seen = new Set();
for (const s of statements) {
  const sql = s.sql.replace(/\s+/g, " ");
  if (!/^(select|with)\b/i.test(sql) || /\bfor (update|share|no key update)\b/i.test(sql) || /^SELECT c\.oid, a\.attnum/.test(sql)) continue;
  if (seen.has(sql)) continue;
  seen.add(sql);
  const literal = s.sql.replace(/\$(\d+)/g, (_, n) => s.params[Number(n)] ?? "NULL");
  reads.push({ ...s, literal });
}

const db = new Client({ host: "127.0.0.1", port: 5432, user: "postgres", database });
await db.connect();
const sizes = new Map((await db.query(
  "select c.relname, c.reltuples::bigint as n from pg_class c join pg_namespace s on s.oid = c.relnamespace where s.nspname = 'public' and c.relkind = 'r'"))
  .rows.map((r) => [r.relname, Number(r.n)]));
const LARGE = 50000;

const plans = [];
console.log("| # | request | statement | ms | shared hit/read | access paths | flags |");
console.log("|---|---|---|---|---|---|---|");
let flagged = 0;
for (const [i, r] of reads.entries()) {
  let lines;
  try {
    const res = await db.query(`explain (analyze, buffers) ${r.literal}`);
    lines = res.rows.map((x) => x["QUERY PLAN"]);
  } catch (e) {
    lines = [`(could not explain: ${e.message})`];
  }
  plans.push(`-- #${i + 1} (${r.request})\n${r.literal}\n\n${lines.join("\n")}\n`);
  const time = lines.map((l) => l.match(/Execution Time: ([\d.]+) ms/)).find(Boolean)?.[1] ?? "-";
  const buffers = lines.map((l) => l.match(/Buffers: shared (?:hit=(\d+))?\s*(?:read=(\d+))?/)).find(Boolean);
  const paths = new Set();
  const flags = [];
  let node = "";
  for (const l of lines) {
    if (l.includes("actual time=")) node = l;
    const scan = l.match(/(Seq Scan|Index Only Scan|Index Scan|Bitmap Index Scan|Bitmap Heap Scan)(?: Backward)?(?: using (\S+))? on (\S+)/);
    const bitmapIdx = l.match(/Bitmap Index Scan on (\S+)/);
    if (bitmapIdx) paths.add(`bitmap ${bitmapIdx[1]}`);
    else if (scan) {
      paths.add(scan[1] === "Seq Scan" ? `seq ${scan[3]}` : `${scan[2] ?? scan[3]}`);
      if (scan[1] === "Seq Scan" && (sizes.get(scan[3]) ?? 0) > LARGE) flags.push(`SEQ SCAN of ${scan[3]} (${sizes.get(scan[3])} rows)`);
    }
    const removed = l.match(/Rows Removed by (Filter|Index Recheck|Join Filter): (\d+)/);
    if (removed) {
      const loops = Number(node.match(/loops=(\d+)\)/)?.[1] ?? 1);
      const total = Number(removed[2]) * loops;
      if (total > 10000) flags.push(`discards ${total} rows (${removed[2]} x ${loops} loops, ${removed[1].toLowerCase()})`);
    }
  }
  if (flags.length) flagged++;
  const text = r.sql.replace(/\s+/g, " ").slice(0, 110).replace(/\|/g, "\\|");
  console.log(`| ${i + 1} | ${r.request} | \`${text}…\` | ${time} | ${buffers ? `${buffers[1] ?? 0}/${buffers[2] ?? 0}` : "-"} | ${[...paths].join(", ")} | ${flags.join("; ") || "ok"} |`);
}
await db.end();
writeFileSync(plansOut, plans.join("\n"));
console.log();
console.log(`${reads.length} distinct read statements, ${flagged} flagged (sequential scan of a table above ${LARGE} rows, or more than 10,000 rows discarded).`);
