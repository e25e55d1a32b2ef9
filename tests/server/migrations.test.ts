/** Migrations: applied once, and an upgrade keeps the data a shop already has. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/server/db';
import { migrate } from '@/server/migrate';
import { openTestDb } from './harness';

let db: Db;

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});

describe('migrations', () => {
  it('upgrades a database that has a shop, people, a library and feedback in it without losing any', async () => {
    expect(await migrate(db, 1)).toEqual([1]);
    // A shop as version 1 stored it.
    await db.exec(`
      INSERT INTO shops (name) VALUES ('老店');
      INSERT INTO users (shop_id, name, role) VALUES (1, '店长', 'admin'), (1, '小王', 'agent');
      INSERT INTO devices (id, user_id, label, salt, hash, created_at)
        VALUES ('device-admin-0001', 1, 'Chrome', '\\x00', '\\x01', '2026-01-02T03:04:05Z');
      INSERT INTO library (shop_id, revision, data) VALUES (1, 3, '{"slots":[],"disabledIntents":[],"rules":[{"id":"r1","keywords":["发票"],"reply":"亲","enabled":true}],"settings":{}}');
      INSERT INTO feedback (shop_id, user_id, device_id, idempotency_key, body_hash, category, description, context)
        VALUES (1, 2, 'device-admin-0001', 'key-00000001', 'h', 'other', '旧反馈', '{}');
    `);

    expect(await migrate(db)).toEqual([2, 3, 4]);

    const [library] = await db.query<{ revision: number; data: { rules: { reply: string }[] } }>(
      'SELECT revision, data FROM library',
    );
    expect(library.revision).toBe(3);
    expect(library.data.rules[0].reply).toBe('亲');
    expect(await db.query('SELECT name, role FROM users ORDER BY id')).toEqual([
      { name: '店长', role: 'admin' },
      { name: '小王', role: 'agent' },
    ]);
    // The new columns are there and filled from what was known.
    const [device] = await db.query<{ last_seen_at: Date }>('SELECT last_seen_at FROM devices');
    expect(device.last_seen_at.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    const [item] = await db.query<{ description: string; resolved_at: Date | null }>(
      'SELECT description, resolved_at FROM feedback',
    );
    expect(item).toEqual({ description: '旧反馈', resolved_at: null });
    // The shop has no webhook yet, and feedback stored before forwarding existed is not sent anywhere.
    expect(await db.query('SELECT name, feedback_webhook_url FROM shops')).toEqual([
      { name: '老店', feedback_webhook_url: '' },
    ]);
    expect(await db.query('SELECT feedback_id FROM feedback_forwards')).toEqual([]);

    expect(await migrate(db)).toEqual([]);
    expect(await db.query('SELECT version FROM schema_migrations ORDER BY version')).toEqual([
      { version: 1 },
      { version: 2 },
      { version: 3 },
      { version: 4 },
    ]);
  });
});
