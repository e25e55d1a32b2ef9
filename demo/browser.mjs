// Finds a Chromium and starts it with the built extension loaded. Shared by `npm run demo`, the e2e tests and the bench.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

// `npm run build` (mode "demo"): the production build plus the local demo host the workbench is served on.
export const EXTENSION_DIR = resolve(import.meta.dirname, '..', '.output', 'chrome-mv3-demo');

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChromium() {
  const found = [process.env.CHROME_PATH, ...CANDIDATES].find((path) => path && existsSync(path));
  if (found) return found;
  throw new Error(
    'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium fonts-wqy-microhei`) ' +
      'or set CHROME_PATH to a Chromium or Chrome binary.',
  );
}

export async function launchWithExtension({ headless = true, extensionDir = EXTENSION_DIR, userDataDir } = {}) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}; run \`npm run build\` first.`);
  }
  const profile = userDataDir ?? mkdtempSync(join(tmpdir(), 'huashu-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless,
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, profile };
}
