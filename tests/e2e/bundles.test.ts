import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * What each built bundle carries (checked on `npm run build`'s output). Only a content script touches a host
 * page, so the adapters' code must not reach the background, the options page or the toolbar popup.
 */
const build = resolve(import.meta.dirname, '../../.output/chrome-mv3-demo');
const read = (path: string) => readFileSync(resolve(build, path), 'utf8');
/**
 * Strings only adapter code holds: every adapter's guard warning, the composers' typing through the browser, and the
 * generic adapter's reading of a labelled time. Page definitions are data and may go anywhere; the code reading them
 * may not.
 */
const ADAPTER_CODE = ['treating that part of the page as missing', 'execCommand', 'time[datetime]'];

describe('built bundles', () => {
  test('the content script carries the adapters (so the markers below would be found if they leaked)', () => {
    const content = read('content-scripts/content.js');
    for (const marker of ADAPTER_CODE) expect(content).toContain(marker);
  });

  test('the background, the options page and the toolbar popup carry no adapter code', () => {
    const bundles = ['background.js', ...readdirSync(resolve(build, 'chunks')).map((name) => `chunks/${name}`)];
    for (const bundle of bundles) {
      const code = read(bundle);
      for (const marker of ADAPTER_CODE) expect(code, `${bundle} holds “${marker}”`).not.toContain(marker);
    }
  });
});

describe('the intent engine', () => {
  /** Only the engine holds these: a weight file's key and a rule's explanation. */
  const ENGINE = ['urgencyThreshold', '发货/出库'];

  test('loads in the background only, never in the content script or the options page', () => {
    const background = read('background.js');
    for (const marker of ENGINE) expect(background).toContain(marker);
    const elsewhere = [
      'content-scripts/content.js',
      ...readdirSync(resolve(build, 'chunks')).map((name) => `chunks/${name}`),
    ];
    for (const bundle of elsewhere) {
      const code = read(bundle);
      for (const marker of ENGINE) expect(code, `${bundle} holds “${marker}”`).not.toContain(marker);
    }
  });
});

describe('the build the tests and the bench run', () => {
  test('is compiled for production: no development JSX (source file and line on every element)', () => {
    const bundles = [
      'background.js',
      'content-scripts/content.js',
      ...readdirSync(resolve(build, 'chunks')).map((name) => `chunks/${name}`),
    ];
    for (const bundle of bundles) expect(read(bundle), `${bundle} is a development build`).not.toMatch(/lineNumber:/);
  });
});
