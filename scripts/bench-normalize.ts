/**
 * Normalizer throughput on its own: MB/s (UTF-8) of Arabic article bodies through normalize(),
 * the lexicon loaded and the evidence counted beforehand (both timed apart), clean and damaged.
 * Prints wall-clock and CPU-time rates; on a busy machine CPU time is the steadier figure.
 * Usage: node --import tsx scripts/bench-normalize.ts [--mb 20]
 */
import { normalize } from '../src/text/normalize.ts';
import { loadLexicon } from '../src/text/lexicon.ts';
import { WordCounts } from '../src/text/evidence.ts';
import { generateCorpus } from './corpus/generate.ts';
import { damage } from './lib/damage.ts';

const mbArg = process.argv.indexOf('--mb');
const targetMB = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 20;

let t = performance.now();
const lexicon = loadLexicon();
const lexiconS = (performance.now() - t) / 1000;

const bodies: string[] = [];
let bytes = 0;
for (const a of generateCorpus({ count: 100_000 })) {
  const body = a.text.slice(a.text.indexOf('\n---\n') + 5);
  bodies.push(body);
  bytes += Buffer.byteLength(body);
  if (bytes >= targetMB * 1e6) break;
}

for (const [name, texts] of [['as generated', bodies], ['damaged like the wire', bodies.map((b) => damage(b).text)]] as const) {
  const mb = texts.reduce((s, b) => s + Buffer.byteLength(b), 0) / 1e6;
  t = performance.now();
  const evidence = new WordCounts();
  for (const b of texts) evidence.add(b);
  const evidenceS = (performance.now() - t) / 1000;
  const options = { lexicon: () => lexicon, evidence };
  for (const b of texts.slice(0, 50)) normalize(b, options); // warm-up
  const cpu = process.cpuUsage();
  t = performance.now();
  let changes = 0;
  for (const b of texts) changes += normalize(b, options).changes.length;
  const wall = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuS = (used.user + used.system) / 1e6;
  console.log(`${name}: ${mb.toFixed(1)} MB, ${changes} changes — ${(mb / wall).toFixed(1)} MB/s wall, ${(mb / cpuS).toFixed(1)} MB/s CPU; evidence ${(mb / evidenceS).toFixed(0)} MB/s`);
}
console.log(`lexicon load (timed apart): ${lexiconS.toFixed(2)} s`);
