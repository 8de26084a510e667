/**
 * Headers for hosts: public/_headers (Netlify, Cloudflare Pages) and the <meta> policy in the base
 * layout (for hosts that read no headers file) say the same, and the policy allows no inline
 * script, no plugins, no framing, and only what Pagefind needs ('wasm-unsafe-eval').
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from '../helpers/fixture-site.ts';

const headersFile = readFileSync(path.join(REPO, 'public', '_headers'), 'utf8');
const layout = readFileSync(path.join(REPO, 'templates', '_layouts', 'base.njk'), 'utf8');

function headersFor(route: string): Record<string, string> {
  const out: Record<string, string> = {};
  let current: string | undefined;
  for (const line of headersFile.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!/^\s/.test(line)) current = line.trim();
    else if (current === route) {
      const i = line.indexOf(':');
      out[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
  }
  return out;
}

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).sort().join(' ')]),
  );

describe('security headers', () => {
  const all = headersFor('/*');

  it('_headers sets the policy headers for every page', () => {
    expect(all['content-security-policy']).toBeTruthy();
    expect(all['x-content-type-options']).toBe('nosniff');
    expect(all['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(all['x-frame-options']).toBe('DENY');
  });

  it('the policy allows no inline or eval script, no plugins, no foreign base or frames, and WebAssembly for Pagefind', () => {
    const csp = directives(all['content-security-policy']!);
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
    expect(csp.get('script-src')).not.toMatch(/unsafe-inline|'unsafe-eval'|data:|\*/);
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'self'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('style-src')).not.toMatch(/unsafe-inline/);
  });

  it('the <meta> policy in base.njk is the header policy without the header-only directives', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(layout);
    expect(meta, 'a CSP <meta> in templates/_layouts/base.njk').toBeTruthy();
    const header = directives(all['content-security-policy']!);
    for (const d of ['frame-ancestors', 'upgrade-insecure-requests', 'report-uri', 'report-to', 'sandbox']) header.delete(d);
    expect(directives(meta![1]!)).toEqual(header);
    // It comes before anything it should govern.
    expect(layout.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(layout.indexOf('<link'));
    expect(layout).toMatch(/<meta name="referrer" content="strict-origin-when-cross-origin">/);
  });
});
