/**
 * Accounts: the one-time setup code that creates the shop and its admin, invitations, device tokens and
 * revocation. Every request looks its token up in the database, so a revoked browser is refused at once, on
 * every node.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { REVOKED_CHANNEL } from '@/server/channels';
import { parseWith, type ServerContext } from '@/server/context';
import type { Db, Queryable } from '@/server/db';
import { forbidden, HttpError, notFound } from '@/server/errors';
import {
  codeSecretMatches,
  deviceSecretMatches,
  newDeviceToken,
  newOneTimeCode,
  splitCode,
  splitToken,
} from '@/server/secrets';

type Role = 'admin' | 'agent';

export interface Principal {
  deviceId: string;
  userId: number;
  name: string;
  role: Role;
  shopId: number;
  shopName: string;
}

const SETUP_CODE_DAYS = 7;
const INVITE_CODE_DAYS = 7;

// The server's own fields are refused as 'request'; parseWith names the field in its message.
const name = v.pipe(v.string('request'), v.trim(), v.minLength(1, 'request'), v.maxLength(80, 'request'));
const label = v.optional(v.pipe(v.string('request'), v.trim(), v.maxLength(120, 'request')), '');
const code = v.pipe(v.string('request'), v.maxLength(64, 'request'));

const SetupSchema = v.object({ code, shopName: name, adminName: name, label }, 'request');
const JoinSchema = v.object({ code, label }, 'request');
const InviteSchema = v.object({ name, role: v.picklist(['admin', 'agent'], 'request') }, 'request');

interface DeviceRow {
  id: string;
  salt: Uint8Array;
  hash: Uint8Array;
  revoked_at: Date | null;
  user_id: number;
  name: string;
  role: Role;
  shop_id: number;
  shop_name: string;
}

/** The signed-in browser of a request; 401 without a valid token, 401 'revoked' for a revoked one. */
export async function authenticate(db: Db, request: FastifyRequest): Promise<Principal> {
  const header = request.headers.authorization ?? '';
  const parts = header.startsWith('Bearer ') ? splitToken(header.slice(7).trim()) : null;
  if (!parts) throw new HttpError(401, 'unauthorized', 'A device token is needed (Authorization: Bearer …)');
  const [row] = await db.query<DeviceRow>(
    `SELECT d.id, d.salt, d.hash, d.revoked_at, u.id AS user_id, u.name, u.role, s.id AS shop_id, s.name AS shop_name
       FROM devices d JOIN users u ON u.id = d.user_id JOIN shops s ON s.id = u.shop_id
      WHERE d.id = $1`,
    [parts.id],
  );
  if (!row || !deviceSecretMatches(parts.secret, row)) {
    throw new HttpError(401, 'unauthorized', 'This device token is not known');
  }
  if (row.revoked_at) throw new HttpError(401, 'revoked', 'This browser was disconnected from the shop by its admin');
  // Written at most every few minutes, so reading the library stays a read.
  await db.query(
    `UPDATE devices SET last_seen_at = now()
      WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at < now() - interval '5 minutes')`,
    [row.id],
  );
  return {
    deviceId: row.id,
    userId: row.user_id,
    name: row.name,
    role: row.role,
    shopId: row.shop_id,
    shopName: row.shop_name,
  };
}

export function requireAdmin(principal: Principal, what: string): void {
  if (principal.role !== 'admin') throw forbidden(what);
}

async function addDevice(tx: Queryable, userId: number, deviceLabel: string): Promise<string> {
  const device = newDeviceToken();
  await tx.query(
    'INSERT INTO devices (id, user_id, label, salt, hash, last_seen_at) VALUES ($1, $2, $3, $4, $5, now())',
    [device.id, userId, deviceLabel, device.salt, device.hash],
  );
  return device.token;
}

interface CodeRow {
  id: string;
  kind: 'setup' | 'invite';
  shop_id: number | null;
  /** Set when the invitation is for another browser of someone already in the shop. */
  user_id: number | null;
  role: Role | null;
  name: string | null;
  salt: Uint8Array;
  hash: Uint8Array;
}

/** Takes a one-time code: refused when unknown, used or expired; marked used in the same transaction. */
async function takeCode(tx: Queryable, typed: string, kind: CodeRow['kind']): Promise<CodeRow> {
  const parts = splitCode(typed);
  const refused = new HttpError(400, 'codeInvalid', 'This code is wrong, used or expired');
  if (!parts) throw refused;
  const [row] = await tx.query<CodeRow>(
    `SELECT id, kind, shop_id, user_id, role, name, salt, hash FROM codes
      WHERE id = $1 AND kind = $2 AND used_at IS NULL AND expires_at > now() FOR UPDATE`,
    [parts.id, kind],
  );
  if (!row || !codeSecretMatches(parts.secret, row)) throw refused;
  await tx.query('UPDATE codes SET used_at = now() WHERE id = $1', [row.id]);
  return row;
}

/** A fresh setup code while the database has no shop yet; null once it has one. */
export async function issueSetupCode(db: Db): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [{ count }] = await tx.query<{ count: number }>('SELECT count(*)::int AS count FROM shops');
    if (count > 0) return null;
    const setup = newOneTimeCode();
    await tx.query(
      `INSERT INTO codes (id, kind, salt, hash, expires_at) VALUES ($1, 'setup', $2, $3, now() + make_interval(days => $4))`,
      [setup.id, setup.salt, setup.hash, SETUP_CODE_DAYS],
    );
    return setup.code;
  });
}

const EMPTY_LIBRARY = { slots: [], disabledIntents: [], rules: [], settings: {}, selectorOverrides: {} };

export function registerAccountRoutes(app: FastifyInstance, { db, live, limits }: ServerContext): void {
  const login = { rateLimit: { max: limits.loginPerMinute, timeWindow: 60_000 } };

  app.post('/api/setup', { config: login, bodyLimit: 4096 }, async (request, reply) => {
    const body = parseWith(SetupSchema, request.body);
    const result = await db.transaction(async (tx) => {
      // One shop per server: the lock makes two simultaneous setups (on two nodes) take turns.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [7_316_002]);
      const [{ count }] = await tx.query<{ count: number }>('SELECT count(*)::int AS count FROM shops');
      if (count > 0) throw new HttpError(409, 'shopExists', 'This server already has its shop');
      await takeCode(tx, body.code, 'setup');
      const [shop] = await tx.query<{ id: number }>('INSERT INTO shops (name) VALUES ($1) RETURNING id', [
        body.shopName,
      ]);
      const [user] = await tx.query<{ id: number }>(
        `INSERT INTO users (shop_id, name, role) VALUES ($1, $2, 'admin') RETURNING id`,
        [shop.id, body.adminName],
      );
      await tx.query('INSERT INTO library (shop_id, revision, data) VALUES ($1, 0, $2::jsonb)', [
        shop.id,
        JSON.stringify(EMPTY_LIBRARY),
      ]);
      const token = await addDevice(tx, user.id, body.label);
      return {
        token,
        user: { id: user.id, name: body.adminName, role: 'admin' },
        shop: { id: shop.id, name: body.shopName },
      };
    });
    return reply.code(201).send(result);
  });

  app.post('/api/join', { config: login, bodyLimit: 4096 }, async (request, reply) => {
    const body = parseWith(JoinSchema, request.body);
    const result = await db.transaction(async (tx) => {
      const invite = await takeCode(tx, body.code, 'invite');
      const [user] = invite.user_id
        ? [{ id: invite.user_id }]
        : await tx.query<{ id: number }>('INSERT INTO users (shop_id, name, role) VALUES ($1, $2, $3) RETURNING id', [
            invite.shop_id,
            invite.name,
            invite.role,
          ]);
      const token = await addDevice(tx, user.id, body.label);
      const [shop] = await tx.query<{ name: string }>('SELECT name FROM shops WHERE id = $1', [invite.shop_id]);
      return {
        token,
        user: { id: user.id, name: invite.name, role: invite.role },
        shop: { id: invite.shop_id, name: shop.name },
      };
    });
    return reply.code(201).send(result);
  });

  app.get('/api/me', async (request) => {
    const me = await authenticate(db, request);
    return {
      user: { id: me.userId, name: me.name, role: me.role },
      shop: { id: me.shopId, name: me.shopName },
      device: { id: me.deviceId },
    };
  });

  app.post('/api/invites', { bodyLimit: 4096 }, async (request, reply) => {
    const me = await authenticate(db, request);
    requireAdmin(me, 'inviting people');
    const body = parseWith(InviteSchema, request.body);
    const invite = newOneTimeCode();
    const [row] = await db.query<{ expires_at: Date }>(
      `INSERT INTO codes (id, kind, shop_id, role, name, salt, hash, created_by, expires_at)
       VALUES ($1, 'invite', $2, $3, $4, $5, $6, $7, now() + make_interval(days => $8)) RETURNING expires_at`,
      [invite.id, me.shopId, body.role, body.name, invite.salt, invite.hash, me.userId, INVITE_CODE_DAYS],
    );
    return reply.code(201).send({ code: invite.code, name: body.name, role: body.role, expiresAt: row.expires_at });
  });

  /** A code for another browser of someone already in the shop: it joins as that person, not a new one. */
  app.post<{ Params: { id: string } }>('/api/users/:id/invites', async (request, reply) => {
    const me = await authenticate(db, request);
    requireAdmin(me, 'inviting people');
    const [user] = await db.query<{ id: number; name: string; role: Role }>(
      'SELECT id, name, role FROM users WHERE id = $1 AND shop_id = $2',
      [Number.parseInt(request.params.id, 10) || 0, me.shopId],
    );
    if (!user) throw notFound('Person');
    const invite = newOneTimeCode();
    const [row] = await db.query<{ expires_at: Date }>(
      `INSERT INTO codes (id, kind, shop_id, user_id, role, name, salt, hash, created_by, expires_at)
       VALUES ($1, 'invite', $2, $3, $4, $5, $6, $7, $8, now() + make_interval(days => $9)) RETURNING expires_at`,
      [invite.id, me.shopId, user.id, user.role, user.name, invite.salt, invite.hash, me.userId, INVITE_CODE_DAYS],
    );
    return reply.code(201).send({ code: invite.code, name: user.name, role: user.role, expiresAt: row.expires_at });
  });

  app.get('/api/users', async (request) => {
    const me = await authenticate(db, request);
    requireAdmin(me, 'listing people');
    const users = await db.query<{ id: number; name: string; role: Role; created_at: Date }>(
      'SELECT id, name, role, created_at FROM users WHERE shop_id = $1 ORDER BY id',
      [me.shopId],
    );
    const devices = await db.query<{
      id: string;
      user_id: number;
      label: string;
      created_at: Date;
      last_seen_at: Date | null;
      revoked_at: Date | null;
    }>(
      `SELECT d.id, d.user_id, d.label, d.created_at, d.last_seen_at, d.revoked_at
         FROM devices d JOIN users u ON u.id = d.user_id WHERE u.shop_id = $1 ORDER BY d.created_at`,
      [me.shopId],
    );
    return users.map((user) => ({
      id: user.id,
      name: user.name,
      role: user.role,
      createdAt: user.created_at,
      devices: devices
        .filter((device) => device.user_id === user.id)
        .map((device) => ({
          id: device.id,
          label: device.label,
          createdAt: device.created_at,
          lastSeenAt: device.last_seen_at,
          revokedAt: device.revoked_at,
        })),
    }));
  });

  /** The admin disconnects any browser of the shop; anyone may disconnect their own. */
  app.post<{ Params: { id: string } }>('/api/devices/:id/revoke', async (request, reply) => {
    const me = await authenticate(db, request);
    const [device] = await db.query<{ user_id: number; shop_id: number }>(
      'SELECT d.user_id, u.shop_id FROM devices d JOIN users u ON u.id = d.user_id WHERE d.id = $1',
      [request.params.id],
    );
    if (!device || device.shop_id !== me.shopId) throw notFound('Device');
    if (me.role !== 'admin' && device.user_id !== me.userId) throw forbidden("revoking another person's browser");
    await db.query('UPDATE devices SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1', [request.params.id]);
    // Open live streams of that browser close on every node.
    await db.query('SELECT pg_notify($1, $2)', [REVOKED_CHANNEL, request.params.id]);
    live.closeDevice(request.params.id);
    return reply.code(204).send();
  });
}
