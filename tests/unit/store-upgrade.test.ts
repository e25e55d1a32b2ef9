import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { DB_NAME, DB_VERSION, openAt, openShopDb, type ReplyRecordV1 } from '@/lib/store/db';
import { effectiveSlot, intentState } from '@/lib/store/overlay';
import { createShopStore } from '@/lib/store/shop-store';
import { asyncRefusal } from '@/tests/unit/message-helpers';

const V1_REPLIES: ReplyRecordV1[] = [
  {
    id: 'ship_urge.awaiting_shipment.1',
    intent: 'ship_urge',
    situation: 'awaiting_shipment',
    kind: 'override',
    text: '亲，{订单号}今天就发~',
    createdAt: 1,
  },
  {
    id: 'own.b',
    intent: 'ship_urge',
    situation: 'awaiting_shipment',
    kind: 'own',
    text: '后加的自定义',
    createdAt: 3,
  },
  {
    id: 'own.a',
    intent: 'ship_urge',
    situation: 'awaiting_shipment',
    kind: 'own',
    text: '先加的自定义',
    createdAt: 2,
  },
  { id: 'own.c', intent: 'invoice', situation: 'none', kind: 'own', text: '发票会随包裹寄出', createdAt: 4 },
];

/** Writes a database as version 1 of the schema left it. */
async function writeVersion1(factory: IDBFactory) {
  const db = await openAt(factory, DB_NAME, 1);
  const tx = db.transaction(['replies', 'intents', 'settings'], 'readwrite');
  for (const reply of V1_REPLIES) await tx.objectStore('replies').put(reply);
  await tx.objectStore('intents').put({ intent: 'discount', enabled: false });
  await tx.objectStore('settings').put({ language: 'en', lateShipCompensationYuan: 5 }, 'shop');
  await tx.done;
  db.close();
}

describe('schema upgrades', () => {
  test('a version 1 database opens at the current version with every record', async () => {
    const factory = new IDBFactory();
    await writeVersion1(factory);

    const store = await createShopStore({ factory });
    const snapshot = store.snapshot();

    const shipUrge = effectiveSlot(snapshot, 'ship_urge', 'awaiting_shipment');
    expect(shipUrge[0]).toMatchObject({ text: '亲，{订单号}今天就发~', origin: 'shop' });
    // Own replies keep the order they were added in.
    expect(shipUrge.filter((reply) => reply.kind === 'own').map((reply) => reply.id)).toEqual(['own.a', 'own.b']);
    expect(effectiveSlot(snapshot, 'invoice', 'none').at(-1)).toMatchObject({ id: 'own.c', text: '发票会随包裹寄出' });
    expect(intentState(snapshot, 'discount').enabled).toBe(false);
    expect(snapshot.settings).toMatchObject({ language: 'en', lateShipCompensationYuan: 5 });
    store.close();

    const db = await openShopDb(factory);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['hits', 'intents', 'rules', 'selectors', 'settings', 'slots']);
    expect(await db.count('slots')).toBe(2);
    db.close();
  });

  test('the upgraded database accepts writes under the new limits', async () => {
    const factory = new IDBFactory();
    await writeVersion1(factory);
    const store = await createShopStore({ factory });
    // ship_urge × awaiting_shipment already holds two own replies from version 1.
    expect(await asyncRefusal(() => store.addOwn('ship_urge', 'awaiting_shipment', '第三条'), 'en')).toBe(
      'At most 2 own replies per order node: delete one first',
    );
    store.close();
  });
});
