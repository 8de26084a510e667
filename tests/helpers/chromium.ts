/**
 * Debian's Chromium, driven by playwright-core (never a downloaded browser). Where no Chromium is
 * installed, browser tests skip with a loud message on a developer's machine and fail in CI
 * (CI=true), so a missing install step can never pass silently.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/** True when browser tests can run; throws in CI when they cannot. */
export function requireChromium(): boolean {
  if (CHROMIUM_PATH) return true;
  if (IN_CI) throw new Error('Chromium is missing in CI: install it with `apt-get install -y chromium` (.ci/run does this).');
  console.warn(
    '\n\n*** BROWSER TESTS SKIPPED: no Chromium at /usr/bin/chromium. Install it with `sudo apt-get install -y chromium`. ***\n\n',
  );
  return false;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH!,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
