/**
 * No path escapes: slugs, permalinks, sections, tags, authors and image paths come from content and
 * cannot make the build write or read outside its folders. Table-driven: every hostile string is
 * tried as each kind of name, first against the functions that guard them, then in a real build
 * whose every written file must lie inside the output folder.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../../src/output/build.ts';
import { ContentError } from '../../src/content/errors.ts';
import { contentFileInside, safeContentPath } from '../../src/content/paths.ts';
import { isSafeSlug, MAX_SLUG_BYTES, slugify, urlKey } from '../../src/text/slug.ts';
import { articleSource, hostileProject, listFiles, nthDate } from './hostile-site.ts';

const T = `pwn${process.pid}${Date.now().toString(36)}`;

/** Hostile path strings: traversal, absolute, Windows, encoded, look-alike separators, control characters. */
const HOSTILE: Array<[name: string, value: string]> = [
  ['dot-dot', `../../${T}`],
  ['deep dot-dot', `${'../'.repeat(12)}${T}`],
  ['dot-dot in the middle', `media/../../${T}`],
  ['trailing dot-dot', `media/${T}/..`],
  ['single dot', `./${T}`],
  ['absolute', `/tmp/${T}`],
  ['absolute root', `/${T}`],
  ['home', `~/${T}`],
  ['backslash dot-dot', `..\\..\\${T}`],
  ['mixed slashes', `..\\../${T}`],
  ['drive letter', `C:\\${T}`],
  ['drive letter slash', `c:/${T}`],
  ['UNC', `\\\\server\\share\\${T}`],
  ['protocol-relative', `//evil.example/${T}`],
  ['file URL', `file:///tmp/${T}`],
  ['percent-encoded dot-dot', `%2e%2e/%2e%2e/${T}`],
  ['percent-encoded slash', `..%2f..%2f${T}`],
  ['percent-encoded upper', `%2E%2E%2F%2E%2E%2F${T}`],
  ['double percent-encoded', `%252e%252e%252f${T}`],
  ['percent-encoded backslash', `..%5c..%5c${T}`],
  ['overlong UTF-8 dot', `%c0%ae%c0%ae/${T}`],
  ['one-dot leader', `\u2024\u2024/\u2024\u2024/${T}`],
  ['two-dot leader', `\u2025/${T}`],
  ['fullwidth dots and slash', `\uff0e\uff0e\uff0f\uff0e\uff0e\uff0f${T}`],
  ['small full stop', `\ufe52\ufe52/${T}`],
  ['division slash', `..\u2215..\u2215${T}`],
  ['fraction slash', `..\u2044..\u2044${T}`],
  ['big solidus', `..\u29f8..\u29f8${T}`],
  ['fullwidth backslash', `..\uff3c..\uff3c${T}`],
  ['NUL', `media/${T}\u0000.png`],
  ['NUL then dot-dot', `\u0000../../${T}`],
  ['newline', `media/\n../../${T}`],
  ['tab', `..\t/../${T}`],
  ['right-to-left override', `media/\u202e..\u202c/${T}`],
  ['zero-width joiner dots', `.\u200d./.\u200d./${T}`],
  ['query and fragment', `media/x.png?/../../${T}#..`],
  ['only dots', '....'],
  ['only a slash', '/'],
  ['empty segments', `media//${T}`],
  ['Windows device name', 'CON'],
  ['Windows device with extension', 'nul.png'],
  ['very long', 'ا'.repeat(500)],
  ['4-byte letters', '\u{10000}'.repeat(90)],
  ['dot-dot spaced', `. . / . . /${T}`],
];

describe('guards, table-driven', () => {
  it.each(HOSTILE)('safeContentPath rejects or confines %s', (_name, value) => {
    const safe = safeContentPath(value);
    if (safe === undefined) return;
    // Accepted only as a plain relative path that stays below content/.
    expect(path.posix.normalize(safe)).toBe(safe);
    expect(safe.split('/')).not.toContain('..');
    expect(path.isAbsolute(safe) || /^[A-Za-z]:/.test(safe) || safe.includes('\\') || /[\u0000-\u001f]/.test(safe)).toBe(false);
    expect(path.resolve('/content', safe).startsWith('/content/')).toBe(true);
  });

  it.each(HOSTILE)('slugify makes one safe path segment of %s', (_name, value) => {
    const slug = slugify(value);
    if (slug === '') return; // no letters: the build reports "no URL slug can be made"
    expect(isSafeSlug(slug)).toBe(true);
    expect(slug).not.toMatch(/[/\\.%\u0000-\u001f\u2024\u2025\uff0e\uff0f\u2215\u2044]/);
    expect(new TextEncoder().encode(slug).length).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    expect(['con', 'prn', 'aux', 'nul']).not.toContain(slug);
  });

  it.each(HOSTILE)('isSafeSlug refuses the raw %s', (_name, value) => {
    if (/^[\p{L}\p{N}]+$/u.test(value)) return; // plain letters are a safe segment
    expect(isSafeSlug(value)).toBe(false);
  });

  it('accepts ordinary paths and slugs', () => {
    expect(safeContentPath('media/photo.png')).toBe('media/photo.png');
    expect(safeContentPath('media/صورة-الغلاف.png')).toBe('media/صورة-الغلاف.png');
    expect(slugify('بوتين يدعو إلى تعزيز العلاقات')).toBe('بوتين-يدعو-إلى-تعزيز-العلاقات');
  });

  it.each([
    ['case', '/2023/01/Abc/', '/2023/01/abc/'],
    ['NFC and NFD', '/2023/01/caf\u00e9/', '/2023/01/cafe\u0301/'],
    ['final sigma', '/2023/01/οδος/', '/2023/01/οδοσ/'],
    ['fullwidth', '/2023/01/ＡＢＣ/', '/2023/01/abc/'],
    ['Kelvin sign', '/2023/01/\u212a/', '/2023/01/k/'],
    ['Arabic presentation forms', '/2023/01/\ufefb/', '/2023/01/\u0644\u0627/'],
  ])('urlKey folds %s variants to one key', (_name, a, b) => {
    expect(urlKey(a)).toBe(urlKey(b));
  });
});

describe('hostile builds write only inside the output folder', () => {
  const sandboxes: string[] = [];
  afterAll(() => {
    for (const s of sandboxes) rmSync(s, { recursive: true, force: true });
  });

  /** Every place a traversal could have landed: nothing named T may appear there. */
  function escapes(out: string): string[] {
    const found: string[] = [];
    const look = (dir: string, depth: number) => {
      let entries: string[] = [];
      try {
        entries = readdirSync(dir);
      } catch {
        return;
      }
      for (const e of entries) {
        const full = path.join(dir, e);
        if (full === out || full.startsWith(`${out}${path.sep}`)) continue;
        if (e.includes(T)) found.push(full);
        if (depth > 0) {
          try {
            if (!existsSync(full) || !readdirSync(full)) continue;
          } catch {
            continue;
          }
          look(full, depth - 1);
        }
      }
    };
    look(path.dirname(out), 3); // the project and its content
    look(path.dirname(path.dirname(out)), 1); // the sandbox
    look(os.tmpdir(), 0);
    look('/', 0);
    look(process.cwd(), 0);
    look(os.homedir(), 0);
    return found;
  }

  let tried = 0;
  let escaped = 0;
  let rejected = 0;

  it('slugs, sections, tags and authors: every file written is inside _site/', async () => {
    const sandbox = mkdtempSync(path.join(os.tmpdir(), 'warraq-paths-'));
    sandboxes.push(sandbox);
    const project = hostileProject();
    const out = path.join(project.root, '_site');
    // Names with letters build (their slug is made safe); each field gets every hostile string.
    const usable = HOSTILE.filter(([, v]) => /[\p{L}\p{N}]/u.test(v) && !v.includes('\u0000'));
    usable.forEach(([, value], i) => {
      project.write(
        `content/2023/h${i}.md`,
        articleSource({
          title: `خبر ${i}`,
          summary: 'ملخص',
          section: value.slice(0, 80),
          tags: [value.slice(0, 120), `وسم ${i}`],
          authors: [value.slice(0, 120)],
          slug: `h${i} ${value}`.slice(0, 120),
          date: nthDate(i),
          body: 'نص.',
        }),
      );
      tried += 4;
    });
    await build({ root: project.root, outDir: out });
    const files = listFiles(out);
    for (const f of files) expect(path.resolve(out, f).startsWith(`${out}${path.sep}`)).toBe(true);
    const found = escapes(out);
    escaped += found.length;
    expect(found).toEqual([]);
    project.remove();
  }, 300_000);

  it.each(HOSTILE)(
    'image.src %s is refused with file:line, nothing is read or written',
    async (_name, value) => {
      const project = hostileProject();
      const out = path.join(project.root, '_site');
      project.write(
        'content/2023/img.md',
        articleSource({
          title: 'خبر',
          summary: 'ملخص',
          section: 'سياسة',
          tags: ['وسم'],
          authors: ['كاتب'],
          date: nthDate(1),
          image: { src: value, alt: 'صورة' },
          body: 'نص.',
        }),
      );
      tried++;
      let error: unknown;
      try {
        await build({ root: project.root, outDir: out });
      } catch (e) {
        error = e;
      }
      const src = value.trim();
      // zod refuses empty or over-long values first; every other value must be refused as a path.
      expect(error, `image.src ${JSON.stringify(value)} was accepted`).toBeInstanceOf(ContentError);
      const problems = (error as ContentError).problems;
      expect(problems.every((p) => p.file === 'content/2023/img.md' && p.line >= 1)).toBe(true);
      if (src.length > 0 && src.length <= 300) expect(problems.some((p) => p.field === 'image.src')).toBe(true);
      rejected++;
      expect(existsSync(out)).toBe(false);
      const found = escapes(out);
      escaped += found.length;
      expect(found).toEqual([]);
      project.remove();
    },
    120_000,
  );

  it('an image that is a symbolic link out of content/ is refused', async () => {
    const project = hostileProject();
    const out = path.join(project.root, '_site');
    mkdirSync(path.join(project.root, 'secret'));
    copyFileSync(path.join(project.root, 'content', 'media', 'photo.png'), path.join(project.root, 'secret', 'photo.png'));
    symlinkSync(path.join(project.root, 'secret', 'photo.png'), path.join(project.root, 'content', 'media', 'link.png'));
    symlinkSync('/etc/passwd', path.join(project.root, 'content', 'media', 'passwd.png'));
    expect(contentFileInside(path.join(project.root, 'content'), 'media/photo.png')).toBeTruthy();
    expect(contentFileInside(path.join(project.root, 'content'), 'media/link.png')).toBeUndefined();
    expect(contentFileInside(path.join(project.root, 'content'), 'media/passwd.png')).toBeUndefined();
    project.write(
      'content/2023/img.md',
      articleSource({
        title: 'خبر',
        summary: 'ملخص',
        section: 'سياسة',
        tags: ['وسم'],
        authors: ['كاتب'],
        date: nthDate(1),
        image: { src: 'media/passwd.png', alt: 'صورة' },
        body: 'نص.',
      }),
    );
    tried++;
    await expect(build({ root: project.root, outDir: out })).rejects.toThrow(/content\/2023\/img\.md:\d+: image\.src/);
    rejected++;
    project.remove();
  }, 120_000);

  it.each([
    ['case', 'Abc', 'abc'],
    ['NFC and NFD', 'caf\u00e9', 'cafe\u0301'],
    ['final sigma', 'ΟΔΟΣ', 'οδοσ'],
    ['fullwidth', 'ＡＢＣ', 'abc'],
    ['harakat', 'سَلام', 'سلام'],
    ['tatweel', 'ســلام', 'سلام'],
    ['zero-width', 'سل\u200cام', 'سلام'],
    ['punctuation', 'a.b', 'a b'],
    ['title and slug', 'عنوان واحد', undefined],
  ])(
    'two articles whose URLs differ only by %s cannot overwrite each other',
    async (_name, a, b) => {
      const project = hostileProject();
      const out = path.join(project.root, '_site');
      project.write(
        'content/2023/a.md',
        articleSource({
          title: 'عنوان واحد',
          summary: 'ملخص',
          section: 'سياسة',
          tags: ['وسم'],
          authors: ['كاتب'],
          slug: a,
          date: nthDate(1),
          body: 'نص.',
        }),
      );
      project.write(
        'content/2023/b.md',
        articleSource({
          title: 'عنوان واحد',
          summary: 'ملخص',
          section: 'سياسة',
          tags: ['وسم'],
          authors: ['كاتب'],
          slug: b,
          date: nthDate(2),
          body: 'نص.',
        }),
      );
      tried++;
      const error = await build({ root: project.root, outDir: out }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ContentError);
      expect((error as ContentError).message).toMatch(/content\/2023\/b\.md:\d+: slug: same URL .* as content\/2023\/a\.md/);
      rejected++;
      expect(existsSync(out)).toBe(false);
      project.remove();
    },
    120_000,
  );

  it('prints the count', () => {
    console.log(
      `paths: ${HOSTILE.length} hostile strings; ${tried} path cases built (names in slug/section/tag/author, image.src, symlinks, URL variants); ${rejected} refused with file:line; escaped: ${escaped}`,
    );
    expect(escaped).toBe(0);
  });
});
