/**
 * Entries of the prepared-article cache keep the article's HTML after its JSON and look-ups, so a
 * build decodes only the head of the articles it takes from the cache and reads an article's HTML
 * when a page asks for it; the heads of the last build's entries are also kept in one pack.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeFileCounts } from '../../src/store/evidence-cache.ts';
import {
  decodeEntry,
  encodeEntry,
  encodeLookups,
  headJson,
  packDeltaFile,
  PreparedCache,
  readPack,
  writeEntry,
  writePack,
  type EntryHead,
} from '../../src/store/prepared-cache.ts';
import { prepareSite } from '../../src/prepare/prepare-in-thread.ts';
import { loadConfig } from '../../src/config.ts';
import { articleSource, fixtureProject, type FixtureProject } from '../helpers/fixture-site.ts';

const article = articleSource('تقرير الأسواق', 'ارتفعت مؤشرات الأسواق المالية في ختام تعاملات الأسبوع، وقال محللون إن «الثقة عادت».');

describe('prepared-cache entries', () => {
  let project: FixtureProject | undefined;
  afterEach(() => project?.remove());

  it('give back the JSON, the look-ups and the HTML written, byte for byte, whatever their script', () => {
    const lookups = encodeLookups([
      [5, 2],
      [1 << 40, 7],
    ]);
    const wordCounts = encodeFileCounts('الأسعار ارتفعت اليوم، ارتفعت الأسعار');
    const entry = {
      json: JSON.stringify({ result: { title: 'تقرير «الأسواق» 😀\n' } }),
      lookups,
      wordCounts,
      html: '<p>ارتفعت المؤشرات\u00A0اليوم</p>\n',
    };
    const bytes = encodeEntry(entry);
    const decoded = decodeEntry(bytes)!;
    expect(decoded.head.json.toString()).toBe(entry.json);
    expect(decoded.head.lookups.equals(lookups)).toBe(true);
    expect(decoded.wordCounts.equals(wordCounts)).toBe(true);
    expect(wordCounts.length).toBe(3 * 12); // three word forms, two of them twice
    expect(decoded.head.size).toBe(bytes.length);
    expect(decoded.html()).toBe(entry.html);
    const empty = { json: '{}', lookups: Buffer.alloc(0), wordCounts: Buffer.alloc(0), html: '' };
    expect(decodeEntry(encodeEntry(empty))!.html()).toBe('');
  });

  it('are refused when the bytes are not an entry: an older format, a truncated one, nothing', () => {
    const bytes = encodeEntry({ json: '{"a":"بيانات"}', lookups: encodeLookups([[3, 1]]), wordCounts: Buffer.alloc(0), html: '<p>نص</p>' });
    expect(decodeEntry(Buffer.from('{"result":{"ok":true},"lookups":[]}'))).toBeUndefined();
    expect(decodeEntry(Buffer.from('14\n{"a":"بيانات"}<p>نص</p>'))).toBeUndefined(); // prepared-v4: no look-up length
    expect(decodeEntry(bytes.subarray(0, 20))).toBeUndefined();
    expect(decodeEntry(Buffer.alloc(0))).toBeUndefined();
    expect(decodeEntry(Buffer.from('99999999999999999999 0 0\n{}'))).toBeUndefined();
    expect(decodeEntry(Buffer.from('2 5 0\n{}12345'))).toBeUndefined(); // look-ups come in 12-byte triples
    expect(decodeEntry(Buffer.from('2 0 5\n{}12345'))).toBeUndefined(); // word counts too
    expect(decodeEntry(Buffer.from('2 0\n{}<p>نص</p>'))).toBeUndefined(); // prepared-v5: no word counts
  });

  it('packs: give back every head written, in order; a pack cut short or of another format gives none', () => {
    project = fixtureProject();
    const file = path.join(project.root, '.cache', 'prepared.pack');
    const heads: Array<[string, EntryHead]> = [
      ['a1', { json: Buffer.from('{"t":"أخبار"}'), lookups: encodeLookups([[9, 4]]), size: 120 }],
      ['b2', { json: Buffer.from('{}'), lookups: Buffer.alloc(0), size: 30 }],
      // (a character outside the first plane: two UTF-16 units)
      ['c3', { json: Buffer.from('{"t":"🙂 خبر"}'), lookups: encodeLookups([[7, 1]]), size: 90 }],
    ];
    writePack(file, heads);
    const back = readPack(file);
    expect([...back.keys()]).toEqual(['a1', 'b2', 'c3']);
    for (const [key, h] of heads) {
      expect(headJson(back.get(key)!)).toBe(h.json.toString());
      expect(back.get(key)!.json.toString('utf16le')).toBe(h.json.toString()); // a pack keeps the JSON in UTF-16
      expect(back.get(key)!.lookups.equals(h.lookups)).toBe(true);
      expect(back.get(key)!.size).toBe(h.size);
    }
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 1));
    expect(readPack(file).size).toBe(0);
    writeFileSync(file, bytes.toString('latin1').replace('pack-v3', 'pack-v2'), 'latin1');
    expect(readPack(file).size).toBe(0);
    expect(readPack(path.join(project.root, 'none.pack')).size).toBe(0);
  });

  it('an edit of a few articles writes their heads to an appendix of the pack, not a new pack; many changed heads, a new pack', () => {
    project = fixtureProject();
    const cacheRoot = path.join(project.root, '.cache');
    const file = path.join(cacheRoot, 'prepared.pack');
    const added = packDeltaFile(file);
    const cache = new PreparedCache(cacheRoot);
    // An entry file for each key, as preparing writes it; its head as the pack keeps it.
    const entry = (key: string, title: string): EntryHead => {
      const json = JSON.stringify({ result: { title }, output: title });
      const lookups = encodeLookups([[key.length, title.length]]);
      const size = writeEntry(cache.pathOf(key), { json, lookups, wordCounts: Buffer.alloc(0), html: `<p>${title}</p>` });
      return { json: Buffer.from(json), lookups, size };
    };
    const keys = Array.from({ length: 64 }, (_, i) => `${String(i).padStart(2, '0')}${'k'.repeat(62)}`);
    writePack(
      file,
      keys.map((k, i) => [k, entry(k, `خبر ${i}`)]),
    );
    const stat = (f: string) => {
      const st = statSync(f, { bigint: true });
      return `${st.ino}:${st.mtimeNs}`;
    };
    const packWritten = stat(file);
    const titleOf = (h: EntryHead | undefined) => (JSON.parse(headJson(h!)) as { output: string }).output;
    const heads = (c: PreparedCache) => keys.map((k) => [k, c.readHead(k)!] as [string, EntryHead]);

    // One article edited: a new key (the old one unused), and one prepared again under its key (its evidence changed).
    const edited = `ed${'k'.repeat(62)}`;
    const first = heads(cache);
    first[3] = [edited, entry(edited, 'خبر معدل')];
    first[7] = [keys[7]!, entry(keys[7]!, 'خبر 7 من جديد')];
    cache.savePack(first);
    expect(stat(file)).toBe(packWritten);
    expect([...readPack(added).keys()].sort()).toEqual([edited, keys[7]].sort());
    const next = new PreparedCache(cacheRoot);
    expect(titleOf(next.readHead(edited))).toBe('خبر معدل');
    expect(titleOf(next.readHead(keys[7]!))).toBe('خبر 7 من جديد');
    expect(titleOf(next.readHead(keys[8]!))).toBe('خبر 8');
    // The same heads again: nothing written.
    const appendixWritten = stat(added);
    const again = heads(next);
    again[3] = [edited, next.readHead(edited)!];
    next.savePack(again);
    expect(stat(added)).toBe(appendixWritten);
    expect(stat(file)).toBe(packWritten);

    // An appendix naming another pack is not read: the pack's own heads are given.
    const stray = readFileSync(added);
    writePack(
      file,
      keys.map((k, i) => [k, entry(k, `خبر ${i}`)]),
    );
    writeFileSync(added, stray);
    expect(titleOf(new PreparedCache(cacheRoot).readHead(keys[7]!))).toBe('خبر 7');
    expect(readPack(file).has(edited)).toBe(false);

    // More than a sixteenth of the heads changed: a new pack, and no appendix.
    const many = heads(new PreparedCache(cacheRoot));
    for (const i of [1, 2, 3, 4, 5]) many[i] = [keys[i]!, entry(keys[i]!, `خبر ${i} من جديد`)];
    const before = stat(file);
    new PreparedCache(cacheRoot).savePack(many);
    expect(stat(file)).not.toBe(before);
    expect(existsSync(added)).toBe(false);
    const back = readPack(file);
    expect(back.size).toBe(64);
    expect(titleOf(back.get(keys[2]!))).toBe('خبر 2 من جديد');
  });

  it('heads whose bytes were let go are copied from the pack, the appendix or the entry file they came from; any of them replaced meanwhile, nothing written', () => {
    project = fixtureProject();
    const cacheRoot = path.join(project.root, '.cache');
    const file = path.join(cacheRoot, 'prepared.pack');
    const writer = new PreparedCache(cacheRoot);
    const entry = (key: string, title: string): EntryHead => {
      const json = JSON.stringify({ result: { title }, output: title });
      const lookups = encodeLookups([[key.length, title.length]]);
      const size = writeEntry(writer.pathOf(key), { json, lookups, wordCounts: Buffer.alloc(0), html: `<p>${title}</p>` });
      return { json: Buffer.from(json), lookups, size };
    };
    const keys = Array.from({ length: 64 }, (_, i) => `${String(i).padStart(2, '0')}${'k'.repeat(62)}`);
    const original = keys.map((k, i) => [k, entry(k, `خبر ${i}`)] as [string, EntryHead]);
    writePack(file, original);
    const heads = (c: PreparedCache) => keys.map((k) => [k, c.readHead(k)!] as [string, EntryHead]);
    const bytesOf = (h: EntryHead | undefined) => `${headJson(h!)} ${h!.lookups.toString('hex')}`;
    // One head changed: an appendix.
    const first = new PreparedCache(cacheRoot);
    const one = heads(first);
    one[7] = [keys[7]!, entry(keys[7]!, 'خبر 7 من جديد')];
    first.savePack(one);
    expect(existsSync(packDeltaFile(file))).toBe(true);

    // Heads of the pack and of its appendix, and five written anew, let go, in another order: a new pack of the same bytes.
    const second = new PreparedCache(cacheRoot);
    const many = heads(second);
    for (const i of [1, 2, 3, 4, 5]) many[i] = [keys[i]!, entry(keys[i]!, `خبر ${i} من جديد`)];
    const expected = new Map(many.map(([k, h]) => [k, bytesOf(h)]));
    second.letGoOfHeadBytes(many.map(([, h]) => h));
    expect(many[0]![1].json.length).toBe(0);
    expect(many[1]![1].json.length).toBe(0);
    // (a head let go is read from its entry's file)
    expect(bytesOf(second.readHead(keys[0]!))).toBe(expected.get(keys[0]!));
    second.savePack([...many.slice(32), ...many.slice(0, 32).reverse()]);
    expect(existsSync(packDeltaFile(file))).toBe(false);
    const back = readPack(file);
    expect(back.size).toBe(64);
    for (const k of keys) expect(bytesOf(back.get(k))).toBe(expected.get(k));

    // The pack replaced by another build after it was read: the heads let go cannot be copied, and no pack is written.
    const third = new PreparedCache(cacheRoot);
    const late = heads(third);
    third.letGoOfHeadBytes([]);
    for (const i of [1, 2, 3, 4, 5]) late[i] = [keys[i]!, entry(keys[i]!, `خبر ${i} مرة ثالثة`)];
    writePack(file, original);
    const replaced = readFileSync(file);
    third.savePack(late);
    expect(readFileSync(file).equals(replaced)).toBe(true);

    // A head written by the build, let go, then its entry file written again with another head: no pack written.
    const fourth = new PreparedCache(cacheRoot);
    const fresh = heads(fourth);
    for (const i of [1, 2, 3, 4, 5]) fresh[i] = [keys[i]!, entry(keys[i]!, `خبر ${i} مرة رابعة`)];
    fourth.letGoOfHeadBytes(fresh.map(([, h]) => h));
    entry(keys[3]!, 'خبر 3 كتبه غيرها');
    fourth.savePack(fresh);
    expect(readFileSync(file).equals(replaced)).toBe(true);
  });

  it('unused entries are looked for only when they could have come to outnumber the used ones since the last look', () => {
    project = fixtureProject();
    const cacheRoot = path.join(project.root, '.cache');
    const cache = new PreparedCache(cacheRoot);
    const keyOf = (tag: string, i: number) => `${String(i % 100).padStart(2, '0')}${tag}${String(i).padStart(60, '0')}`;
    const write = (tag: string, n: number) =>
      Array.from({ length: n }, (_, i) => {
        const key = keyOf(tag, i);
        writeEntry(cache.pathOf(key), { json: '{}', lookups: Buffer.alloc(0), wordCounts: Buffer.alloc(0), html: '' });
        return key;
      });
    const count = () => readdirSync(cache.dir).reduce((n, d) => n + readdirSync(path.join(cache.dir, d)).length, 0);
    const used = new Set(write('u', 200));
    write('a', 1100);
    cache.prune(used, 200); // no record of a last look: the folders are read, the 1,100 unused (> 1,000) removed
    expect(count()).toBe(200);
    write('b', 1100);
    // Builds that prepared one article each (less than a hundredth of 200): at most 1,000 unused since, not looked for…
    for (let k = 0; k < 1000; k++) cache.prune(used, 1);
    expect(count()).toBe(1300);
    cache.prune(used, 1); // …at most 1,001: looked for, and the 1,100 removed
    expect(count()).toBe(200);
    write('c', 1100);
    cache.prune(used, 2); // a hundredth of the site prepared: looked for
    expect(count()).toBe(200);
    // Articles gone count as entries left unused.
    const many = write('m', 1500);
    cache.prune(new Set(many), 1500);
    expect(count()).toBe(1700); // (the 200 of before are unused now, fewer than 1,500)
    cache.prune(new Set(many.slice(0, 400)), 1); // 200 + 1 + 1,100 gone > 1,000: looked for; 1,300 unused > 1,000 removed
    expect(count()).toBe(400);
    write('d', 1100);
    rmSync(path.join(cacheRoot, 'prune.json'));
    cache.prune(new Set(many.slice(0, 400)), 1); // no record: looked for
    expect(count()).toBe(400);
  });

  it('a warm build takes its entries from the pack, writes it again only when they change, and gives what the entry files give', () => {
    project = fixtureProject();
    const p = project;
    p.write('content/2023/03/markets.md', article);
    p.write('content/2023/03/oil.md', article.replace('تقرير الأسواق', 'أسعار النفط'));
    const config = loadConfig(p.root);
    const pack = path.join(p.root, config.paths.cache, 'prepared.pack');
    const cold = prepareSite(p.root, config);
    expect(readPack(pack).size).toBe(2);
    const stamp = (st = statSync(pack, { bigint: true })) => `${st.ino}:${st.mtimeNs}`;
    const written = stamp();
    const keys = [...readPack(pack).keys()];
    const warm = prepareSite(p.root, config);
    expect(warm.prepared).toBe(0);
    expect(stamp()).toBe(written); // nothing changed: not written again
    rmSync(pack);
    const unpacked = prepareSite(p.root, config);
    expect(unpacked.prepared).toBe(0);
    expect(unpacked.articlesHash).toBe(warm.articlesHash);
    expect(warm.articlesHash).toBe(cold.articlesHash);
    expect(unpacked.articles.map((a) => [a.title, a.html])).toEqual(cold.articles.map((a) => [a.title, a.html]));
    p.write('content/2023/03/oil.md', article.replace('تقرير الأسواق', 'أسعار الذهب'));
    expect(prepareSite(p.root, config).prepared).toBe(1);
    const edited = [...readPack(pack).keys()];
    expect(edited).toHaveLength(2);
    expect(edited.filter((k) => keys.includes(k))).toHaveLength(1); // the edited article's entry replaced
  }, 120_000);

  it('an article taken from the cache reads its HTML when asked; a vanished entry is an error naming the article', () => {
    project = fixtureProject();
    const p = project;
    p.write('content/2023/03/markets.md', article);
    const config = loadConfig(p.root);
    const cold = prepareSite(p.root, config);
    const warm = prepareSite(p.root, config);
    expect(warm.prepared).toBe(0);
    const html = warm.articles[0]!.html;
    expect(html).toContain('«الثقة عادت»');
    expect(html).toBe(cold.articles[0]!.html);
    expect(prepareSite(p.root, config, undefined, { cache: false }).articles[0]!.html).toBe(html);
    // Entries of an older format (JSON files) are removed by the next build that prepares anything.
    const prepared = path.join(p.root, config.paths.cache, 'prepared');
    const oldFormat = path.join(prepared, 'ab', `ab${'0'.repeat(62)}.json`);
    mkdirSync(path.dirname(oldFormat), { recursive: true });
    writeFileSync(oldFormat, '{"result":{"ok":true},"lookups":[]}');
    p.write('content/2023/03/other.md', article.replace('تقرير الأسواق', 'تقرير آخر'));
    expect(prepareSite(p.root, config).prepared).toBe(1);
    expect(existsSync(oldFormat)).toBe(false);
    rmSync(path.join(p.root, 'content/2023/03/other.md'));
    rmSync(prepared, { recursive: true });
    prepareSite(p.root, config);
    // A damaged entry is a miss: the article is prepared again (an entry file replaced, as a build writes one, changes its folder) …
    const entryFile = onlyEntry(path.join(p.root, config.paths.cache, 'prepared'));
    writeFileSync(`${entryFile}.new`, '{"not":"an entry"}');
    renameSync(`${entryFile}.new`, entryFile);
    const again = prepareSite(p.root, config);
    expect(again.prepared).toBe(1);
    expect(again.articles[0]!.html).toBe(html);
    // … and one damaged in place, which no folder shows, is found when its HTML is read: that build names the article, and the
    // next one looks for every entry file and prepares it again.
    writeFileSync(entryFile, '{"not":"an entry"}');
    const trusting = prepareSite(p.root, config);
    expect(trusting.prepared).toBe(0);
    expect(() => trusting.articles[0]!.html).toThrow(/content\/2023\/03\/markets\.md: its prepared copy .* went missing or was damaged/);
    const healed = prepareSite(p.root, config);
    expect(healed.prepared).toBe(1);
    expect(healed.articles[0]!.html).toBe(html);
    // The last HTML read is remembered (templates read a member twice); any other is read again.
    p.write('content/2023/03/oil.md', article.replace('تقرير الأسواق', 'أسعار النفط'));
    const two = prepareSite(p.root, config);
    const markets = two.articles.find((a) => a.source.endsWith('markets.md'))!;
    const oil = two.articles.find((a) => a.source.endsWith('oil.md'))!;
    expect(markets.html).toBe(html);
    expect(oil.html).toBe(html);
    rmSync(path.join(p.root, config.paths.cache, 'prepared'), { recursive: true });
    expect(oil.html).toBe(html);
    expect(() => markets.html).toThrow(/content\/2023\/03\/markets\.md: its prepared copy .* went missing/);
    // The entry files the last build vouched for are looked for again by the next build, which prepares what went missing.
    expect(existsSync(path.join(p.root, config.paths.cache, 'verified.json'))).toBe(false);
    const after = prepareSite(p.root, config);
    expect(after.prepared).toBe(2);
    expect(after.articles.map((a) => a.html)).toEqual([html, html]);
  }, 120_000);

  it('an article prepared again because a word it asked about changed count, coming out the same, keeps its content key', () => {
    project = fixtureProject();
    const p = project;
    // losses.md's damaged تكب دت makes the repair ask how often تكبدت is written whole; report.md writes it.
    p.write('content/2023/03/losses.md', articleSource('خسائر الشركة', 'تكب دت الشركة خسائر كبيرة خلال الربع الأول من العام.'));
    p.write('content/2023/03/report.md', articleSource('تقرير الربع', 'تكبدت شركات النقل خسائر أقل من المتوقع.'));
    const config = loadConfig(p.root);
    const keyOf = (r: ReturnType<typeof prepareSite>, name: string) => r.contentKey(r.articles.find((a) => a.source.endsWith(name))!);
    const first = prepareSite(p.root, config);
    expect(first.articles.find((a) => a.source.endsWith('losses.md'))!.html).toContain('تكبّدت');
    // report.md now writes تكبدت twice: losses.md's look-up no longer holds, and it is prepared again.
    p.write(
      'content/2023/03/report.md',
      articleSource('تقرير الربع', 'تكبدت شركات النقل خسائر أقل من المتوقع، وتكبدت شركات أخرى مثلها. تكبدت'),
    );
    const second = prepareSite(p.root, config);
    expect(second.prepared).toBe(2);
    expect(keyOf(second, 'losses.md')).toBe(keyOf(first, 'losses.md'));
    // prepared again under the same key: the pack holds the new head, the one its entry file has
    const prepared = path.join(p.root, config.paths.cache, 'prepared');
    const pack = readPack(path.join(p.root, config.paths.cache, 'prepared.pack'));
    expect(pack.size).toBe(2);
    for (const [key, head] of pack) {
      const own = decodeEntry(readFileSync(path.join(prepared, key.slice(0, 2), `${key}.entry`)))!.head;
      expect(head.lookups.equals(own.lookups) && headJson(head) === headJson(own)).toBe(true);
    }
    expect(keyOf(second, 'report.md')).not.toBe(keyOf(first, 'report.md'));
    // An edit of the article itself changes its key.
    p.write('content/2023/03/losses.md', articleSource('خسائر الشركة', 'تكب دت الشركة خسائر كبيرة خلال الربع الثاني من العام.'));
    expect(keyOf(prepareSite(p.root, config), 'losses.md')).not.toBe(keyOf(first, 'losses.md'));
  }, 120_000);

  it('a head the last build found valid has its look-ups checked only for the words whose counts changed since; any other head, all of them', () => {
    project = fixtureProject();
    const p = project;
    // losses.md's damaged تكب دت makes the repair ask how often تكبدت is written whole; report.md writes it. Seventy other
    // articles keep an edit of two of them within the pack's appendix, so the pack keeps the old heads of the edited ones.
    const losses = articleSource('خسائر الشركة', 'تكب دت الشركة خسائر كبيرة خلال الربع الأول من العام.');
    p.write('content/2023/03/losses.md', losses);
    p.write('content/2023/03/report.md', articleSource('تقرير الربع', 'تكبدت شركات النقل خسائر أقل من المتوقع.'));
    for (let i = 0; i < 70; i++) p.write(`content/2023/02/note-${i}.md`, articleSource(`نشرة ${i}`, `افتتح المعرض رقم ${i} أبوابه اليوم.`));
    const config = loadConfig(p.root);
    const cache = path.join(p.root, config.paths.cache);
    const verified = path.join(cache, 'verified.json');
    const fresh = () => prepareSite(p.root, config, undefined, { cache: false });
    expect(prepareSite(p.root, config).prepared).toBe(72);
    expect(existsSync(verified)).toBe(true);
    // losses.md rewritten without the damage, report.md now writes تكبدت twice
    p.write('content/2023/03/losses.md', articleSource('خسائر الشركة', 'سجلت الشركة خسائر كبيرة خلال الربع الأول من العام.'));
    p.write(
      'content/2023/03/report.md',
      articleSource('تقرير الربع', 'تكبدت شركات النقل خسائر أقل من المتوقع، ثم تكبدت شركات أخرى مثلها.'),
    );
    expect(prepareSite(p.root, config).prepared).toBe(2);
    expect(existsSync(packDeltaFile(path.join(cache, 'prepared.pack')))).toBe(true);
    // losses.md as it was: its old head is still in the pack, asked about تكبدت when it was written once; the words changed since
    // the last build (losses.md's own) do not include تكبدت, so that head is checked in full, found stale and prepared again.
    p.write('content/2023/03/losses.md', losses);
    const reverted = prepareSite(p.root, config);
    expect(reverted.prepared).toBe(1);
    expect(reverted.articlesHash).toBe(fresh().articlesHash);
    // A head the record names is not checked for the words that did not change: one with a count altered in the pack is taken
    // while the record holds, and checked in full (a miss) once the record is gone, as after a build that stopped before saving.
    const pack = path.join(cache, 'prepared.pack');
    const lookups = [...readPack(pack).values()].find((h) => h.lookups.length > 0)!.lookups; // losses.md's (no other article asks)
    const file = [pack, packDeltaFile(pack)].find((f) => readFileSync(f).includes(lookups))!;
    const bytes = readFileSync(file);
    const at = bytes.indexOf(lookups);
    bytes.writeInt32LE(bytes.readInt32LE(at + 8) + 1, at + 8);
    writeFileSync(file, bytes);
    p.write('content/2023/02/note-0.md', articleSource('نشرة 0', 'افتتح المعرض رقم 0 أبوابه اليوم بعد تأخير.'));
    expect(prepareSite(p.root, config).prepared).toBe(1);
    p.write('content/2023/02/note-1.md', articleSource('نشرة 1', 'افتتح المعرض رقم 1 أبوابه اليوم بعد تأخير.'));
    rmSync(verified);
    expect(prepareSite(p.root, config).prepared).toBe(2);
    expect(prepareSite(p.root, config).articlesHash).toBe(fresh().articlesHash);
  }, 180_000);
});

/** The one entry file under .cache/prepared. */
function onlyEntry(dir: string): string {
  const sub = readdirSync(dir).find((d) => d.length === 2)!;
  return path.join(dir, sub, readdirSync(path.join(dir, sub))[0]!);
}
