/** The shop's library: revisions, who changed what, merged stale saves, conflicts with both texts, rollback. */
import { beforeEach, describe, expect, it } from 'vitest';
import { type Member, pack, SLOT, shopsPerTest, type TestShop } from './harness';

const shops = shopsPerTest();
let shop: TestShop;
let deputy: Member;

beforeEach(async () => {
  shop = await shops.openShop();
  deputy = await shop.join('副店长', 'admin');
});

const invoice = { id: 'rule.invoice', keywords: ['发票'], reply: '亲，发票随包裹寄出哦' };
const gift = { id: 'rule.gift', keywords: ['赠品'], reply: '亲，赠品和商品一起发出哦' };

async function save(by: Member, baseRevision: number, library: unknown) {
  return shop.call(by, 'PUT', '/api/library', { baseRevision, library });
}

describe('the library', () => {
  it('numbers each saved change and records who made it and what it changed', async () => {
    expect((await save(shop.admin, 0, pack({ rules: [invoice] }))).json.revision).toBe(1);
    expect(
      (await save(deputy, 1, pack({ rules: [invoice], replies: { [SLOT.first]: '亲，今天发出' } }))).json.revision,
    ).toBe(2);
    const history = await shop.call(shop.admin, 'GET', '/api/library/changes');
    expect(
      history.json.map(
        (change: { revision: number; by: { name: string }; changes: { area: string; after: string }[] }) => ({
          revision: change.revision,
          by: change.by.name,
          changes: change.changes.map(({ area, after }) => `${area}: ${after}`),
        }),
      ),
    ).toEqual([
      { revision: 2, by: '副店长', changes: ['reply: 亲，今天发出'] },
      { revision: 1, by: '店长', changes: ['rule: 发票 → 亲，发票随包裹寄出哦'] },
    ]);
  });

  it('gives an agent the newest library, or says it is up to date', async () => {
    await save(shop.admin, 0, pack({ rules: [invoice] }));
    const agent = await shop.join('小王');
    const read = await shop.call(agent, 'GET', '/api/library?since=0');
    expect(read.json.revision).toBe(1);
    expect(read.json.library.rules[0].reply).toBe(invoice.reply);
    expect((await shop.call(agent, 'GET', '/api/library?since=1')).json).toEqual({ revision: 1, upToDate: true });
  });

  it('merges a save made from an older revision when it changed other items', async () => {
    await save(shop.admin, 0, pack({ rules: [invoice] }));
    // Both admins start from revision 1; the deputy adds a rule, the admin edits an official reply.
    await save(deputy, 1, pack({ rules: [invoice, gift] }));
    const merged = await save(shop.admin, 1, pack({ rules: [invoice], replies: { [SLOT.first]: '亲，今天发出' } }));
    expect(merged.status).toBe(200);
    expect(merged.json.revision).toBe(3);
    expect(merged.json.library.rules.map((rule: { id: string }) => rule.id)).toEqual(['rule.invoice', 'rule.gift']);
    expect(merged.json.library.slots[0].overrides).toEqual({ [SLOT.first]: '亲，今天发出' });
  });

  it('answers 409 with both texts when two admins changed the same reply, and keeps the first', async () => {
    await save(shop.admin, 0, pack({ replies: { [SLOT.first]: '亲，48小时内发货' } }));
    await save(deputy, 1, pack({ replies: { [SLOT.first]: '亲，今天下午发出' } }));
    const stale = await save(shop.admin, 1, pack({ replies: { [SLOT.first]: '亲，明天一早发出' } }));
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('conflict');
    expect(stale.json.conflicts).toEqual([
      {
        area: 'reply',
        intent: SLOT.intent,
        situation: SLOT.situation,
        id: SLOT.first,
        base: '亲，48小时内发货',
        yours: '亲，明天一早发出',
        theirs: '亲，今天下午发出',
      },
    ]);
    expect(stale.json.current.revision).toBe(2);
    const now = await shop.call(shop.admin, 'GET', '/api/library');
    expect(now.json.library.slots[0].overrides[SLOT.first]).toBe('亲，今天下午发出');
    // Saving again from the revision the conflict showed goes through.
    expect((await save(shop.admin, 2, pack({ replies: { [SLOT.first]: '亲，明天一早发出' } }))).json.revision).toBe(3);
  });

  it('rolls one change back and keeps later changes of other items', async () => {
    await save(shop.admin, 0, pack({ rules: [invoice] }));
    await save(shop.admin, 1, pack({ rules: [invoice], replies: { [SLOT.first]: '亲，今天发出' } }));
    await save(deputy, 2, pack({ rules: [invoice, gift], replies: { [SLOT.first]: '亲，今天发出' } }));
    const undone = await shop.call(shop.admin, 'POST', '/api/library/changes/2/rollback');
    expect(undone.status).toBe(200);
    expect(undone.json.revision).toBe(4);
    expect(undone.json.library.slots).toEqual([]);
    expect(undone.json.library.rules.map((rule: { id: string }) => rule.id)).toEqual(['rule.invoice', 'rule.gift']);
    const [latest] = (await shop.call(shop.admin, 'GET', '/api/library/changes')).json;
    expect(latest).toMatchObject({ revision: 4, kind: 'rollback', rolledBack: 2, by: { name: '店长' } });
  });

  it('refuses to roll back a change whose item was changed again since, with both texts', async () => {
    await save(shop.admin, 0, pack({ replies: { [SLOT.first]: '亲，今天发出' } }));
    await save(deputy, 1, pack({ replies: { [SLOT.first]: '亲，明天发出' } }));
    const refused = await shop.call(shop.admin, 'POST', '/api/library/changes/1/rollback');
    expect(refused.status).toBe(409);
    // The rollback would remove the reply (no "yours"); the deputy has changed it since.
    expect(refused.json.conflicts).toEqual([
      {
        area: 'reply',
        intent: SLOT.intent,
        situation: SLOT.situation,
        id: SLOT.first,
        base: '亲，今天发出',
        theirs: '亲，明天发出',
      },
    ]);
    expect((await shop.call(shop.admin, 'GET', '/api/library')).json.revision).toBe(2);
  });

  it('refuses a malformed pack with the code the extension words for an import, and stores nothing', async () => {
    const refused = await save(shop.admin, 0, {
      format: 'huashu-reply-pack',
      version: 1,
      rules: [{ id: 'r', keywords: [], reply: '亲' }],
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('invalidAt');
    expect(refused.json.error.params.where).toEqual({ code: 'placeRule', params: { index: 1 } });
    const unknownRevision = await save(shop.admin, 7, pack({}));
    expect(unknownRevision.status).toBe(409);
    expect(unknownRevision.json.error.code).toBe('unknownRevision');
    expect((await shop.call(shop.admin, 'GET', '/api/library')).json.revision).toBe(0);
  });

  it('refuses a body larger than a pack may be', async () => {
    const huge = await save(shop.admin, 0, { format: 'huashu-reply-pack', version: 1, padding: 'x'.repeat(1_200_000) });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe('bodyTooLarge');
  });

  it('exports the library as a pack the extension can import', async () => {
    await save(shop.admin, 0, pack({ rules: [invoice] }));
    const file = await shop.call(shop.admin, 'GET', '/api/library/pack');
    expect(file.headers['content-disposition']).toMatch(/attachment; filename="huashu-pack-\d{4}-\d{2}-\d{2}\.json"/);
    const { parsePack } = await import('@/lib/store/pack');
    expect(parsePack(file.json).rules).toEqual([{ ...invoice, enabled: true }]);
  });
});
