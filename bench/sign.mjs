// Signs bench tokens (RS256, issuer gongzhi-bench, one hour) with the run's throw-away key.
//   node bench/sign.mjs key.pem subject roles            -> prints one token
//   node bench/sign.mjs key.pem --bodies query.graphql rows.tsv data.tsv [query rows data ...]
// rows.tsv: subject TAB roles(comma) TAB variables JSON (with "@KEY@" where the idempotency key goes);
// data.tsv: token TAB request body, for bench/wrk/writes.lua. Tokens are signed once per subject.
import { createSign } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";

const [keyFile, ...rest] = process.argv.slice(2);
const key = readFileSync(keyFile, "utf8");
const b64 = (s) => Buffer.from(s).toString("base64url");

function token(subject, roles) {
  const now = Math.floor(Date.now() / 1000);
  const head = b64(JSON.stringify({ alg: "RS256", typ: "JWT" }));
  const claims = b64(JSON.stringify({ iss: "gongzhi-bench", sub: subject, groups: roles, iat: now, exp: now + 3600 }));
  const s = createSign("RSA-SHA256");
  s.update(`${head}.${claims}`);
  return `${head}.${claims}.${s.sign(key).toString("base64url")}`;
}

if (rest[0] === "--bodies") {
  const cache = new Map();
  for (let a = 1; a + 2 < rest.length + 1; a += 3) {
    const query = readFileSync(rest[a], "utf8");
    const out = [];
    for (const line of readFileSync(rest[a + 1], "utf8").split("\n")) {
      if (!line.trim()) continue;
      const [subject, roles, variables] = line.split("\t");
      let t = cache.get(subject);
      if (!t) cache.set(subject, (t = token(subject, roles.split(","))));
      out.push(`${t}\t${JSON.stringify({ query, variables: JSON.parse(variables) })}`);
    }
    writeFileSync(rest[a + 2], out.join("\n") + "\n");
  }
} else {
  process.stdout.write(token(rest[0], rest[1].split(",")) + "\n");
}
