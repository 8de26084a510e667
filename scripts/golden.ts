/**
 * `npm run golden [-- --check] [--site fixture-site|corpus-1000]`: records the manifests of tests/fixtures/golden/ (for
 * tests/perf/golden.test.ts) from cold builds — the fixture site, the 1,000-article corpus before and after each change — and prints
 * what changed since the committed ones. --check writes nothing and exits 1 when anything differs; --site records one site.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  GOLDEN_DIR,
  GOLDEN_SITES,
  coldBuild,
  currentEnvironment,
  expectedOutput,
  firstLines,
  inputsDigest,
  manifestFile,
  readManifest,
  recordIntl,
  unsetOutputVariables,
  type GoldenSite,
  type Manifest,
  type Step,
} from '../tests/helpers/golden.ts';
import { diff } from '../tests/helpers/output-tree.ts';

const check = process.argv.includes('--check');
const only = process.argv.includes('--site') ? process.argv[process.argv.indexOf('--site') + 1] : undefined;
if (only !== undefined && !GOLDEN_SITES.some((s) => s.name === only)) {
  process.stderr.write(`--site: one of ${GOLDEN_SITES.map((s) => s.name).join(', ')}\n`);
  process.exit(2);
}
const say = (line: string) => process.stdout.write(`${line}\n`);

async function record(site: GoldenSite): Promise<Manifest> {
  const project = site.make();
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'warraq-golden-'));
  try {
    const intl: Record<string, string> = {};
    process.stderr.write(`[${site.name}] cold build… `);
    recordIntl(project.root, intl);
    const output = await coldBuild(project.root, outDir);
    process.stderr.write(`${Object.keys(output).length} files\n`);
    const manifest: Manifest = {
      site: site.description,
      recordedWith: currentEnvironment(),
      intl,
      cold: { inputs: inputsDigest(project.root), files: Object.keys(output).length, output },
      steps: [],
    };
    let before = output;
    for (const change of site.changes) {
      change.apply(project.root);
      recordIntl(project.root, intl);
      process.stderr.write(`[${site.name}] ${change.name}, cold build… `);
      const after = await coldBuild(project.root, outDir);
      const step: Step = {
        change: change.name,
        inputs: inputsDigest(project.root),
        files: Object.keys(after).length,
        changed: Object.fromEntries(Object.entries(after).filter(([f, h]) => before[f] !== h)),
        removed: Object.keys(before).filter((f) => !(f in after)),
      };
      process.stderr.write(`${Object.keys(step.changed).length} files changed, ${step.removed.length} removed\n`);
      manifest.steps.push(step);
      before = after;
    }
    manifest.intl = Object.fromEntries(Object.entries(intl).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return manifest;
  } finally {
    project.remove();
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** What differs between the committed manifest and the new one, as lines (none: the same). */
function changes(old: Manifest | undefined, now: Manifest): string[] {
  if (!old) return ['new manifest'];
  const lines: string[] = [];
  for (const [k, v] of Object.entries(now.recordedWith)) {
    const was = (old.recordedWith as unknown as Record<string, string>)[k];
    if (was !== v) lines.push(`recorded with ${k} ${v} (was ${was})`);
  }
  const states = [{ name: 'cold build', index: 0 }, ...now.steps.map((s, i) => ({ name: `after ${s.change}`, index: i + 1 }))];
  for (const { name, index } of states) {
    const inputs = index === 0 ? now.cold.inputs : now.steps[index - 1]!.inputs;
    const oldInputs = index === 0 ? old.cold.inputs : old.steps[index - 1]?.inputs;
    if (index > old.steps.length) {
      lines.push(`${name}: a new state`);
      continue;
    }
    const d = diff(expectedOutput(now, index), expectedOutput(old, index), ['new', 'old']);
    if (inputs !== oldInputs) lines.push(`${name}: the inputs changed (content, templates, public or config)`);
    if (d.length) lines.push(`${name}: ${d.length} output files differ`, ...firstLines(d, 30).map((l) => `    ${l}`));
  }
  if (old.steps.length > now.steps.length) lines.push(`${old.steps.length - now.steps.length} states fewer`);
  const intl = new Set([...Object.keys(old.intl), ...Object.keys(now.intl)]);
  const intlChanged = [...intl].filter((k) => old.intl[k] !== now.intl[k]);
  if (intlChanged.length)
    lines.push(
      `${intlChanged.length} Intl strings differ`,
      ...firstLines(
        intlChanged.map((k) => `    ${k}: ${JSON.stringify(old.intl[k])} → ${JSON.stringify(now.intl[k])}`),
        10,
      ),
    );
  return lines;
}

let differs = false;
unsetOutputVariables();
mkdirSync(GOLDEN_DIR, { recursive: true });
for (const site of GOLDEN_SITES.filter((s) => only === undefined || s.name === only)) {
  const now = await record(site);
  const file = path.relative(process.cwd(), manifestFile(site));
  const lines = changes(readManifest(site), now);
  if (!lines.length) {
    say(`${file}: unchanged (${now.cold.files} files, ${now.steps.length} changes)`);
    continue;
  }
  differs = true;
  say(`${file}: ${check ? 'differs' : 'rewritten'}`);
  for (const l of lines) say(`  ${l}`);
  if (!check) writeFileSync(manifestFile(site), `${JSON.stringify(now, null, 1)}\n`);
}
if (check && differs) process.exitCode = 1;
