/**
 * Normalizer throughput alone (MB/s of UTF-8, wall and CPU time; lexicon and evidence prepared beforehand) on synthetic bodies seen once
 * then again, and on the repair fixtures damaged like the wire (worst case). Usage: node --import tsx scripts/bench-normalize.ts [--mb N]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { normalize } from '../src/text/normalize.ts';
import { loadLexicon } from '../src/store/lexicon.ts';
import { lazyQuran } from '../src/store/quran.ts';
import { WordCounts } from '../src/text/evidence.ts';
import { generateCorpus } from './corpus/generate.ts';
import { damage } from './lib/damage.ts';

const mbArg = process.argv.indexOf('--mb');
const targetMB = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 20;

let t = performance.now();
const lexicon = loadLexicon();
const lexiconS = (performance.now() - t) / 1000;

const synthetic: string[] = [];
let bytes = 0;
for (const a of generateCorpus({ count: 100_000 })) {
  const body = a.text.slice(a.text.indexOf('\n---\n') + 5);
  synthetic.push(body);
  bytes += Buffer.byteLength(body);
  if (bytes >= targetMB * 1e6) break;
}
const warmUp = synthetic.splice(0, 200);

const fixtures: string[] = [];
for (const set of ['devset', 'fresh', 'heldout', 'final']) {
  const dir = new URL(`../tests/fixtures/${set}/`, import.meta.url);
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) fixtures.push(damage(readFileSync(new URL(f, dir), 'utf8')).text);
}

const evidence = new WordCounts();
t = performance.now();
for (const b of [...warmUp, ...synthetic, ...fixtures]) evidence.add(b);
const evidenceS = (performance.now() - t) / 1000;
const options = { lexicon: () => lexicon, quran: lazyQuran, evidence };
for (const b of warmUp) normalize(b, options);

function pass(texts: string[]): { mbPerS: number; cpuMbPerS: number; mb: number } {
  const mb = texts.reduce((s, b) => s + Buffer.byteLength(b), 0) / 1e6;
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const b of texts) normalize(b, options);
  const wall = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { mbPerS: mb / wall, cpuMbPerS: mb / ((used.user + used.system) / 1e6), mb };
}

const fmt = (r: { mbPerS: number; cpuMbPerS: number }) => `${r.mbPerS.toFixed(1)} MB/s wall (${r.cpuMbPerS.toFixed(1)} CPU)`;
const first = pass(synthetic);
const again = pass(synthetic);
console.log(`synthetic bodies, ${first.mb.toFixed(1)} MB: first sight ${fmt(first)}, again ${fmt(again)}`);
pass(fixtures); // the damaged paths warmed up
const damaged = [1, 2, 3].map(() => pass(fixtures)).sort((a, b) => b.mbPerS - a.mbPerS)[0]!;
console.log(`news damaged like the wire, ${damaged.mb.toFixed(2)} MB: ${fmt(damaged)} (best of 3)`);
console.log(`lexicon load ${lexiconS.toFixed(2)} s, evidence ${(evidenceS * 1000).toFixed(0)} ms (both timed apart)`);
