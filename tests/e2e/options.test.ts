import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { demo, type Page, popup, type Session, startSession } from '@/tests/e2e/workbench';

/** The order c01's buyer confirmed in the fixture: 待发货, ships within hours. */
const ORDER_ID = '6921847302918374651';

let session: Session;
let workbench: Page;
let options: Page;
/** confirm() answers: restore and delete ask first; the unsaved-changes guard too. */
let acceptDialogs = true;
const dialogs: string[] = [];

interface Runtime {
  chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: string; value?: unknown }> } };
}

/** Sends one protocol request from the options page, as the page itself would. */
function request(type: string, payload: unknown) {
  return options.evaluate(
    ([type, payload]) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ huashu: 1, type, payload }),
    [type, payload] as const,
  );
}

const EMPTY_PACK = { format: 'huashu-reply-pack', version: 1, slots: [], disabledIntents: [], rules: [], settings: {} };

async function openOptions() {
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.locator('.reply-card').first().waitFor();
}

function cards() {
  return options.locator('.reply-card');
}

async function saveEdit(text: string) {
  await options.locator('.editor-text').fill(text);
  await options.getByRole('button', { name: '保存', exact: true }).click();
  await expect.poll(() => options.locator('.editor').count()).toBe(0);
}

async function buyerAsks(text: string): Promise<string[]> {
  const open = await demo.currentId(workbench);
  await demo.buyerSays(workbench, open, text);
  await expect.poll(() => popup(workbench).isVisible()).toBe(true);
  return popup(workbench).locator('.hs-reply-text').allTextContents();
}

beforeAll(async () => {
  session = await startSession();
  workbench = session.page;
  options = await session.context.newPage();
  options.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void (acceptDialogs ? dialog.accept() : dialog.dismiss());
  });
});

afterAll(async () => {
  await session?.close();
});

beforeEach(async () => {
  // Every test starts from the catalogue as shipped: importing an empty pack clears the shop's edits.
  acceptDialogs = true;
  dialogs.length = 0;
  await openOptions();
  expect(await request('importPack', { pack: EMPTY_PACK })).toMatchObject({ ok: true });
  await openOptions();
  await session.load();
});

describe('the options page', () => {
  test('the admin edits the 催发货 reply → the next buyer message in the workbench shows it', async () => {
    const first = cards().first();
    await expect(first.locator('.badge').textContent()).resolves.toBe('官方');
    await first.getByRole('button', { name: '编辑' }).click();
    await saveEdit('亲，您的订单{订单号}已为您加急，今天18点前一定发出~');
    await expect(first.locator('.badge').textContent()).resolves.toBe('已修改');

    const replies = await buyerAsks('什么时候发货');
    expect(replies[0]).toBe(`亲，您的订单${ORDER_ID}已为您加急，今天18点前一定发出~`);

    // Restoring the default gives the next buyer the official reply again.
    await first.getByRole('button', { name: '恢复默认' }).click();
    await expect.poll(() => first.locator('.badge').textContent()).toBe('官方');
    await session.load();
    const after = await buyerAsks('什么时候发货');
    expect(after[0]).not.toContain('今天18点前一定发出');
  });

  test('an open popup shows the edit at once, without reloading the chat page', async () => {
    const before = await buyerAsks('什么时候发货');

    await cards().first().getByRole('button', { name: '编辑' }).click();
    await saveEdit('亲，马上为您安排发出，订单{订单号}~');

    await expect
      .poll(() => popup(workbench).locator('.hs-reply-text').first().textContent())
      .toBe(`亲，马上为您安排发出，订单${ORDER_ID}~`);
    expect(before[0]).not.toContain('马上为您安排发出');
  });

  test('two own replies can be added; the third is refused with a clear message', async () => {
    const add = options.getByRole('button', { name: /添加自定义话术/ });
    await add.click();
    await saveEdit('亲，{商品}是现货，今天下午就能发哦~');
    await add.click();
    await saveEdit('亲，发货后会第一时间通知您~');
    await expect.poll(() => options.locator('.badge--own').count()).toBe(2);

    await add.click();
    await expect
      .poll(() => options.getByRole('alert').filter({ hasText: '最多添加 2 条自定义话术' }).isVisible())
      .toBe(true);
    await expect.poll(() => options.locator('.editor').count()).toBe(0);
    // The background refuses it too, whoever asks.
    const refused = await request('addOwnReply', {
      intent: 'ship_urge',
      situation: 'awaiting_shipment',
      text: '第三条',
    });
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('最多添加 2 条自定义话术') });

    await openOptions();
    await expect.poll(() => options.locator('.badge--own').count()).toBe(2);

    // Deleting one frees its place.
    await options
      .locator('.reply-card', { hasText: '发货后会第一时间通知您' })
      .getByRole('button', { name: '删除' })
      .click();
    await expect.poll(() => options.locator('.badge--own').count()).toBe(1);
  });

  test('a reply the store refuses is explained while typing and cannot be saved', async () => {
    await cards().first().getByRole('button', { name: '编辑' }).click();
    await options.locator('.editor-text').fill('亲，{优惠券}已经发给您啦');
    await expect
      .poll(() => options.locator('.editor-problem').textContent())
      .toBe('未知变量 {优惠券}，请从变量列表中选择');
    await expect.poll(() => options.getByRole('button', { name: '保存', exact: true }).isDisabled()).toBe(true);
  });

  test('editing works from the keyboard: Enter opens, Ctrl+Enter saves, Esc cancels', async () => {
    await cards().first().getByRole('button', { name: '编辑' }).focus();
    await options.keyboard.press('Enter');
    // The editor takes the focus as it opens.
    await expect.poll(() => options.evaluate(() => document.activeElement?.className)).toContain('editor-text');
    await options.keyboard.press('Control+A');
    await options.keyboard.type('亲，键盘写的话术{订单号}');
    await options.keyboard.press('Control+Enter');
    await expect.poll(() => cards().first().locator('.reply-text').textContent()).toBe(`亲，键盘写的话术${ORDER_ID}`);

    await cards().nth(1).getByRole('button', { name: '编辑' }).focus();
    await options.keyboard.press('Enter');
    await expect.poll(() => options.evaluate(() => document.activeElement?.className)).toContain('editor-text');
    await options.keyboard.type('不要了');
    await options.keyboard.press('Escape');
    await expect.poll(() => options.locator('.editor').count()).toBe(0);
    expect(await cards().nth(1).locator('.badge').textContent()).toBe('官方');
  });

  test('leaving an unsaved edit asks first, and staying keeps the text', async () => {
    await cards().first().getByRole('button', { name: '编辑' }).click();
    await options.locator('.editor-text').fill('写了一半的话术');

    acceptDialogs = false;
    const asked = dialogs.length;
    await options.locator('[data-intent="logistics"]').click();
    expect(dialogs.slice(asked)).toEqual(['有未保存的修改，确定放弃吗？']);
    expect(await options.locator('.editor-text').inputValue()).toBe('写了一半的话术');
    expect(await options.locator('#intent-title').textContent()).toContain('什么时候发货');

    acceptDialogs = true;
    await options.locator('[data-intent="logistics"]').click();
    await expect.poll(() => options.locator('#intent-title').textContent()).toContain('查询物流');
    await expect.poll(() => options.locator('.editor').count()).toBe(0);
  });

  test('each suggestion shown counts as a hit of its intent', async () => {
    const hits = async () => {
      await openOptions();
      const text = (await options.locator('[data-intent="ship_urge"] .intent-hits').textContent()) ?? '';
      return Number(text.replace(/\D/g, ''));
    };
    const before = await hits();
    await buyerAsks('什么时候发货');
    expect(await hits()).toBe(before + 1);
  });

  test('disabling an intent stops its popup', async () => {
    await options.getByRole('switch', { name: '启用该意图' }).click();
    await expect
      .poll(() => options.getByRole('switch', { name: '启用该意图' }).getAttribute('aria-checked'))
      .toBe('false');

    const open = await demo.currentId(workbench);
    await demo.buyerSays(workbench, open, '什么时候发货');
    await workbench.waitForTimeout(800);
    await expect(popup(workbench).count()).resolves.toBe(0);
  });
});

describe('reply packs', () => {
  test('a malformed pack gives a clear error and changes nothing', async () => {
    await cards().first().getByRole('button', { name: '编辑' }).click();
    await saveEdit('亲，订单{订单号}今天发出~');
    const before = await request('shopState', {});

    await options.getByRole('button', { name: '导入导出' }).click();
    const file = options.locator('input[type=file]');
    await file.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"huashu-reply-pack","version":1,"slots":[{"intent":"ship_'),
    });
    await expect
      .poll(() => options.locator('.import-error').textContent())
      .toBe('无法导入：文件不是有效的 JSON（第 1 行第 68 列），无法导入。话术未做任何改动。');

    await file.setInputFiles({
      name: 'future.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...EMPTY_PACK, version: 2 })),
    });
    await expect.poll(() => options.locator('.import-error').textContent()).toContain('话术包版本 2 不受支持');
    await expect.poll(() => options.getByRole('button', { name: '确认导入' }).count()).toBe(0);

    expect(await request('shopState', {})).toEqual(before);
    const replies = await buyerAsks('什么时候发货');
    expect(replies[0]).toBe(`亲，订单${ORDER_ID}今天发出~`);
  });

  test('an import shows what it adds, changes and removes, and applies only when confirmed', async () => {
    await options.getByRole('button', { name: /添加自定义话术/ }).click();
    await saveEdit('本机原有的自定义话术');

    const pack = {
      ...EMPTY_PACK,
      slots: [
        {
          intent: 'ship_urge',
          situation: 'awaiting_shipment',
          overrides: { 'ship_urge.awaiting_shipment.1': '总部统一话术：订单{订单号}今日发出' },
        },
      ],
      disabledIntents: ['invoice'],
    };
    await options.getByRole('button', { name: '导入导出' }).click();
    await options.locator('input[type=file]').setInputFiles({
      name: 'hq.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(pack)),
    });
    await expect
      .poll(() => options.locator('.diff-summary').textContent())
      .toContain('将新增 1 项、修改 1 项、删除 1 项');
    await expect.poll(() => options.locator('.diff-item--remove').textContent()).toContain('本机原有的自定义话术');

    // Not applied yet.
    expect((await buyerAsks('什么时候发货'))[0]).not.toContain('总部统一话术');

    await options.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toContain('已导入话术包');
    await session.load();
    expect((await buyerAsks('什么时候发货'))[0]).toBe(`总部统一话术：订单${ORDER_ID}今日发出`);
  });
});

describe('keyword rules', () => {
  test('a shop rule and a built-in intent on the same message: the built-in replies first, the rule after', async () => {
    await options.getByRole('button', { name: '关键词规则' }).click();
    await options.getByRole('button', { name: /新建规则/ }).click();
    await options.getByPlaceholder('多个关键词用逗号分隔').fill('发货，包邮');
    await options.locator('.editor-text').fill('亲，本店满99元包邮，{商品}下单后48小时内发货哦~');
    await options.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => options.locator('.rule-card').count()).toBe(1);

    const replies = await buyerAsks('什么时候发货');
    expect(replies.length).toBeGreaterThanOrEqual(2);
    expect(replies.length).toBeLessThanOrEqual(3);
    expect(replies[0]).toContain(ORDER_ID);
    expect(replies.at(-1)).toBe('亲，本店满99元包邮，法式碎花雪纺连衣裙女夏季新款收腰显瘦中长款下单后48小时内发货哦~');
  });

  test('a message only a shop rule matches gets the rule’s reply, labelled as the shop’s rule', async () => {
    await options.getByRole('button', { name: '关键词规则' }).click();
    await options.getByRole('button', { name: /新建规则/ }).click();
    await options.getByPlaceholder('多个关键词用逗号分隔').fill('礼盒');
    await options.locator('.editor-text').fill('亲，本店支持免费礼盒包装，下单时备注即可~');
    await expect.poll(() => options.getByPlaceholder('多个关键词用逗号分隔').inputValue()).toBe('礼盒');
    await options.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => options.locator('.rule-card').count()).toBe(1);

    const replies = await buyerAsks('可以用礼盒包装吗');
    expect(replies).toEqual(['亲，本店支持免费礼盒包装，下单时备注即可~']);
    await expect(popup(workbench).locator('.hs-intent').textContent()).resolves.toContain('店铺关键词规则');
  });
});
