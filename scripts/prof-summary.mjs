// node scripts/prof-summary.mjs FILE.cpuprofile [N]: self time by function and by file.
import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const n = Number(process.argv[3] ?? 30);
const dt = new Map();
for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
const byFn = new Map(),
  byFile = new Map();
let total = 0;
const par = new Map();
for (const node of p.nodes) for (const c of node.children ?? []) par.set(c, node.id);
const byId0 = new Map(p.nodes.map((x) => [x.id, x]));
const under = (id) => {
  if (!process.env.PROF_ROOT) return true;
  for (let i = id; i !== undefined; i = par.get(i)) if (byId0.get(i).callFrame.functionName === process.env.PROF_ROOT) return true;
  return false;
};
for (const node of p.nodes) {
  if (!under(node.id)) continue;
  const t = (dt.get(node.id) ?? 0) / 1000;
  total += t;
  const cf = node.callFrame;
  const file = cf.url.replace(/^.*node_modules\//, 'nm/').replace(/^file:\/\/\/work\/main\//, '');
  const k = `${cf.functionName || '(anon)'} ${file}:${cf.lineNumber}`;
  byFn.set(k, (byFn.get(k) ?? 0) + t);
  const fk = file.startsWith('nm/')
    ? file
        .split('/')
        .slice(0, file.split('/')[1].startsWith('@') ? 3 : 2)
        .join('/')
    : file;
  byFile.set(fk, (byFile.get(fk) ?? 0) + t);
}
const top = (m) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`)
    .join('\n');
console.log(`total ${total.toFixed(0)} ms\n-- by function\n${top(byFn)}\n-- by file/package\n${top(byFile)}`);
// Inclusive time of functions named in PROF_FNS (comma separated); counted once per stack.
if (process.env.PROF_FNS) {
  const names = process.env.PROF_FNS.split(',');
  const parent = new Map();
  for (const node of p.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const incl = new Map(names.map((x) => [x, 0]));
  for (const node of p.nodes) {
    const t = (dt.get(node.id) ?? 0) / 1000;
    if (!t) continue;
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const fn = byId.get(id).callFrame.functionName;
      if (incl.has(fn) && !seen.has(fn)) {
        seen.add(fn);
        incl.set(fn, incl.get(fn) + t);
      }
    }
  }
  console.log('-- inclusive');
  for (const [k, v] of incl) console.log(`${v.toFixed(0).padStart(7)} ms  ${k}`);
}
