import { existsSync, mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demo, type Page, popup, type Session, startSession } from '@/tests/e2e/workbench';

/**
 * A real enterprise policy, the way an admin pushes one reply pack to every agent: Chromium on Linux reads
 * /etc/chromium/policies/managed/*.json, and an extension's storage.managed comes from its "3rdparty" section under
 * the extension's ID. Huashu's unpacked builds have a fixed ID (the manifest's `key`, wxt.config.ts), so the policy
 * can name it. Writing there needs root: without it the tests skip and say why. The file (and any directory the
 * test made for it) is removed afterwards, also when a test fails. While it exists, every Chromium on the machine
 * reads it: the file runs alone (the e2e config runs one file at a time) and holds the policy for seconds.
 */
const EXTENSION_ID = 'agipblkcpilibbmifecdajegbgphhnfh';
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'huashu-e2e-managed-policy.json');

/** A keyword no built-in intent claims, so the chat popup shows the managed rule's reply alone. */
const KEYWORD = '总部暗号';
const MANAGED_REPLY = '亲，这条回复由总部通过企业策略统一下发。';
const PACK = {
  format: 'huashu-reply-pack',
  version: 1,
  slots: [],
  disabledIntents: [],
  rules: [{ id: 'policy-e2e', keywords: [KEYWORD], reply: MANAGED_REPLY, enabled: true }],
  settings: {},
};
/** The managed schema (assets/public/managed-schema.json) takes the pack as JSON text. */
const POLICY = { '3rdparty': { extensions: { [EXTENSION_ID]: { replyPack: JSON.stringify(PACK) } } } };

/** Directories this test made, deepest first, removed again when empty. */
const madeDirs: string[] = [];
let written = false;

/** Writes the policy file; the reason it can't when it can't (not root, a read-only /etc). */
function writePolicy(): string | null {
  try {
    for (let dir = POLICY_DIR; !existsSync(dir); dir = dirname(dir)) madeDirs.push(dir);
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(POLICY_FILE, JSON.stringify(POLICY));
    written = true;
    return null;
  } catch (error) {
    removePolicy();
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return `cannot write the Chromium policy ${POLICY_FILE} (${code}): run the e2e tests as root to test managed policy`;
  }
}

function removePolicy(): void {
  if (written) rmSync(POLICY_FILE, { force: true });
  written = false;
  for (const dir of madeDirs.splice(0)) {
    try {
      rmdirSync(dir);
    } catch {
      // Not empty: something else put a policy there meanwhile, and it stays.
    }
  }
}

// A worker that exits before afterAll runs must not leave a policy on the machine for every Chromium to read.
process.once('exit', removePolicy);

let session: Session | undefined;
let blocked: string | null = null;

beforeAll(async () => {
  blocked = writePolicy();
  if (blocked) {
    console.warn(`[managed-policy e2e] skipped: ${blocked}`);
    return;
  }
  try {
    session = await startSession();
  } catch (error) {
    removePolicy();
    throw error;
  }
});

afterAll(async () => {
  try {
    await session?.close();
  } finally {
    removePolicy();
  }
});

function opened(): Session {
  if (!session) throw new Error('the browser did not start');
  return session;
}

async function newPage(url: string): Promise<Page> {
  const page = await opened().context.newPage();
  await page.goto(url);
  return page;
}

describe('a managed policy for Huashu’s fixed ID', () => {
  // First, right after the browser started: Chromium serves an extension's policy only seconds after loading it.
  test('the options page shows the pack as managed: the banner, and the rule read-only', async (ctx) => {
    if (blocked) ctx.skip(blocked);
    expect(opened().extensionId).toBe(EXTENSION_ID);
    const options = await newPage(`chrome-extension://${EXTENSION_ID}/options.html`);
    await expect
      .poll(() => options.getByRole('note').allTextContents())
      .toEqual([expect.stringContaining('由管理员通过企业策略统一下发')]);
    await options.getByRole('button', { name: '关键词规则', exact: true }).click();
    const rule = options.locator('li.rule-card[data-rule-id="policy-e2e"]');
    await expect.poll(() => rule.allTextContents()).toEqual([expect.stringContaining(MANAGED_REPLY)]);
    await expect(rule.getByText('管理员下发', { exact: true }).count()).resolves.toBe(1);
    // Read-only: it can be neither switched off nor deleted here.
    await expect(rule.getByRole('switch').isDisabled()).resolves.toBe(true);
    await expect(rule.getByRole('button', { name: '删除' }).count()).resolves.toBe(0);
    await options.close();
  });

  test('chrome://policy lists it as the extension’s replyPack', async (ctx) => {
    if (blocked) ctx.skip(blocked);
    const policyPage = await newPage('chrome://policy');
    // The page lists each extension's policies under its ID, with the policy's name.
    await expect.poll(() => policyPage.getByText(EXTENSION_ID).count()).toBeGreaterThan(0);
    await expect.poll(() => policyPage.getByText('replyPack', { exact: true }).count()).toBeGreaterThan(0);
    await policyPage.close();
  });

  test('in the chat, a buyer’s message with the keyword gets the managed reply in the popup', async (ctx) => {
    if (blocked) ctx.skip(blocked);
    const { page } = opened();
    await opened().load();
    await demo.buyerSays(page, 'c01', `你好，${KEYWORD}`);
    await expect.poll(() => popup(page).isVisible()).toBe(true);
    await expect(popup(page).locator('.hs-reply-text').allTextContents()).resolves.toContain(MANAGED_REPLY);
  });
});
