/**
 * The shop library's 修改记录 on the admin's 店铺服务器 page: two Chromium profiles with the built extension, the
 * shop's admin (店长) and an agent (小王), joined to the server of server/ on an embedded database.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorkbench } from '@/demo/server.mjs';
import { axeBlockers } from '@/tests/e2e/axe';
import {
  joinShop,
  openShop,
  openShopProfile,
  type ShopProfile,
  type ShopServer,
  startShopServer,
} from '@/tests/e2e/server-harness';
import { demo, popup } from '@/tests/e2e/workbench';

interface Chrome {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: string; value?: unknown }> };
  };
}

const FIRST_EDIT = '亲，今天为您优先发出~';
const SECOND_EDIT = '亲，明早第一批为您发出~';

let server: ShopServer;
let workbench: Awaited<ReturnType<typeof startWorkbench>>;
let admin: ShopProfile;
let agent: ShopProfile;

/** The admin edits the first official reply on the 话术库 tab and saves it. */
async function editFirstReply(text: string) {
  const { options } = admin;
  await options.getByRole('button', { name: '话术库', exact: true }).click();
  await options.locator('.reply-card').first().getByRole('button', { name: '编辑' }).click();
  await options.locator('.editor-text').fill(text);
  await options.getByRole('button', { name: '保存', exact: true }).click();
}

/** What the agent's open popup suggests first. */
const agentFirstReply = () => popup(agent.page).locator('.hs-reply-text').first().textContent();

const entry = (revision: number) => admin.options.locator(`.server-history-entry[data-revision="${revision}"]`);

beforeAll(async () => {
  server = await startShopServer();
  workbench = await startWorkbench({ port: 0 });
  // The shop and its people; each browser then joins with its own one-time code.
  const { adminCode, agentCode } = await openShop(server);
  admin = await openShopProfile();
  agent = await openShopProfile();
  await joinShop(admin, server, adminCode);
  await joinShop(agent, server, agentCode);
  await agent.page.goto(workbench.url);
  await agent.page.waitForSelector('huashu-assistant[data-ready]', { state: 'attached' });
});

afterAll(async () => {
  await admin?.context.close();
  await agent?.context.close();
  await workbench?.close();
  await server?.close();
});

describe('the shop library’s change history', () => {
  test('the admin sees both edits with who made them; a conflicting rollback changes nothing, the last one is undone', async () => {
    await demo.buyerSays(agent.page, await demo.currentId(agent.page), '什么时候发货');
    await expect.poll(() => popup(agent.page).isVisible()).toBe(true);
    const builtIn = await agentFirstReply();
    await editFirstReply(FIRST_EDIT);
    await expect.poll(agentFirstReply).toBe(FIRST_EDIT);
    await editFirstReply(SECOND_EDIT);
    await expect.poll(agentFirstReply).toBe(SECOND_EDIT);

    await admin.options.getByRole('button', { name: '店铺服务器', exact: true }).click();
    const history = admin.options.locator('.server-history');
    await expect.poll(() => history.locator('.server-history-entry').count()).toBe(2);
    // Newest first, each with its author and what it changed, in words.
    expect(
      await history.locator('.server-history-entry').evaluateAll((items) => items.map((item) => item.dataset.revision)),
    ).toEqual(['2', '1']);
    const second = await entry(2).innerText();
    expect(second).toContain('修订 #2');
    expect(second).toContain('店长');
    expect(second).toContain(`「${FIRST_EDIT}」→「${SECOND_EDIT}」`);
    const first = await entry(1).innerText();
    expect(first).toContain('店长');
    expect(first).toContain(`新增官方话术`);
    expect(first).toContain(FIRST_EDIT);

    // Revision 1 cannot be undone: revision 2 changed the same reply since. The admin reads both versions.
    await entry(1).getByRole('button', { name: '撤销' }).click();
    const refusal = history.locator('.server-history-refusal');
    await expect.poll(() => refusal.textContent()).toContain('无法撤销修订 #1');
    expect(await refusal.textContent()).toContain(`现在的版本：「${SECOND_EDIT}」`);
    expect(admin.confirmed.at(-1)).toContain('撤销修订 #1');
    expect(await history.locator('.server-history-entry').count()).toBe(2);
    expect(await agentFirstReply()).toBe(SECOND_EDIT);

    // Revision 2 can: the agent's open popup is back to the first edit, and the history says who undid what.
    await entry(2).getByRole('button', { name: '撤销' }).click();
    await expect.poll(agentFirstReply).toBe(FIRST_EDIT);
    await expect.poll(() => entry(3).innerText()).toContain('撤销了修订 #2');
    expect(await entry(3).innerText()).toContain(`「${SECOND_EDIT}」→「${FIRST_EDIT}」`);
    expect(await entry(2).innerText()).toContain('已撤销');
    expect(await entry(2).getByRole('button', { name: '撤销' }).count()).toBe(0);
    await expect.poll(() => admin.options.locator('.server-state').innerText()).toContain('修订号 3');

    // With nothing later in its way, revision 1 goes too: the built-in reply is back.
    await entry(1).getByRole('button', { name: '撤销' }).click();
    await expect.poll(agentFirstReply).toBe(builtIn);
    await expect.poll(() => entry(4).innerText()).toContain('恢复为内置话术');
    await admin.options.screenshot({ path: join(process.cwd(), 'demo-output', 'shop-history.png'), fullPage: true });
    // The history's own part (the invitation form above has a small select, outside this change).
    expect(await axeBlockers(admin.options, ['.server-history'])).toEqual([]);
  });

  test("an agent's options page has no history, and the server refuses it the list", async () => {
    await agent.options.getByRole('button', { name: '店铺服务器', exact: true }).click();
    await agent.options.locator('.server-state', { hasText: '小王（客服）' }).waitFor();
    expect(await agent.options.locator('.server-history').count()).toBe(0);
    const refused = await agent.options.evaluate(() =>
      (globalThis as unknown as Chrome).chrome.runtime.sendMessage({
        huashu: 1,
        type: 'libraryHistory',
        payload: { limit: 50 },
      }),
    );
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('只有店铺管理员可以这样做') });
  });
});
