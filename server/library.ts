/**
 * The shop's library (today's reply pack) with a revision number. Admins edit it from the revision they
 * started from; a stale save is merged item by item, and only an item both changed comes back as a 409 with
 * both texts. Every change keeps who made it, when, and the library before and after, so the admin can read
 * the history and roll one change back (a merge too: later edits of other items stay).
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { diffShop, type PackChange, packData, parsePack, toPack } from '@/lib/store/pack';
import type { ShopData } from '@/lib/store/types';
import { authenticate, type Principal, requireAdmin } from '@/server/auth';
import { LIBRARY_CHANNEL } from '@/server/channels';
import { deviceKey, parseWith, type ServerContext } from '@/server/context';
import type { Queryable } from '@/server/db';
import { HttpError, notFound } from '@/server/errors';
import { mergeLibrary } from '@/server/library-merge';
import { type LibraryState, readLibrary } from '@/server/library-store';

/** A pack is refused above 1 MB (lib/store/pack.ts); the request around it adds little. */
const LIBRARY_BODY_BYTES = 1_100_000;

const revision = v.pipe(v.number('request'), v.integer('request'), v.minValue(0, 'request'));
/** The shared pack schema checks the library; the server adds the revision the edit started from. */
const SaveSchema = v.object({ baseRevision: revision, library: v.unknown() }, 'request');
const SinceSchema = v.object({
  since: v.optional(v.pipe(v.string('request'), v.regex(/^\d{1,9}$/, 'request'), v.transform(Number))),
});
const HistorySchema = v.object({
  limit: v.optional(v.pipe(v.string('request'), v.regex(/^\d{1,3}$/, 'request'), v.transform(Number)), '50'),
});

/** The library as it was right after `revision` (0: empty). */
async function libraryAt(tx: Queryable, shopId: number, at: number, current: LibraryState): Promise<ShopData> {
  if (at === current.revision) return packData(current.library);
  if (at === 0) return { slots: [], disabledIntents: [], rules: [], settings: {}, selectorOverrides: {} };
  const [row] = await tx.query<{ after: ShopData }>(
    'SELECT after FROM library_changes WHERE shop_id = $1 AND revision = $2',
    [shopId, at],
  );
  if (!row || at > current.revision) {
    throw new HttpError(409, 'unknownRevision', `Revision ${at} is not in this shop's history`);
  }
  return row.after;
}

/** Writes `next` as a new revision, records the change, and tells every node (NOTIFY is sent at commit). */
async function commit(
  tx: Queryable,
  me: Principal,
  current: LibraryState,
  next: ShopData,
  kind: 'edit' | 'rollback',
  rolledBack: number | null = null,
): Promise<LibraryState> {
  // Round trip through the pack schema: what is stored is what an import would accept.
  const checked = packData(parsePack(toPack(next)));
  checked.selectorOverrides ??= {};
  const revision = current.revision + 1;
  const [row] = await tx.query<{ updated_at: Date }>(
    'UPDATE library SET revision = $2, data = $3::jsonb, updated_at = now() WHERE shop_id = $1 RETURNING updated_at',
    [me.shopId, revision, JSON.stringify(checked)],
  );
  await tx.query(
    `INSERT INTO library_changes (shop_id, revision, user_id, kind, rolled_back, before, after)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
    [
      me.shopId,
      revision,
      me.userId,
      kind,
      rolledBack,
      JSON.stringify(packData(current.library)),
      JSON.stringify(checked),
    ],
  );
  await tx.query('SELECT pg_notify($1, $2)', [LIBRARY_CHANNEL, JSON.stringify({ shop: me.shopId, revision })]);
  return { revision, library: toPack(checked, row.updated_at) };
}

/** Locks the library row for this transaction: two saves of one shop take turns, on any node. */
async function lockLibrary(tx: Queryable, shopId: number): Promise<LibraryState> {
  await tx.query('SELECT 1 FROM library WHERE shop_id = $1 FOR UPDATE', [shopId]);
  return readLibrary(tx, shopId);
}

function conflict(current: LibraryState, conflicts: ReturnType<typeof mergeLibrary>['conflicts']): HttpError {
  return new HttpError(
    409,
    'conflict',
    'Someone changed the same items since this edit began; both versions are in the answer',
    { count: conflicts.length },
    { conflicts, current },
  );
}

export function registerLibraryRoutes(app: FastifyInstance, { db, limits }: ServerContext): void {
  const writes = { rateLimit: { max: limits.writesPerMinute, timeWindow: 60_000, keyGenerator: deviceKey } };

  /** Every member reads the library; `?since=N` answers without it when the caller already has the newest. */
  app.get('/api/library', async (request) => {
    const me = await authenticate(db, request);
    const { since } = parseWith(SinceSchema, request.query);
    const state = await readLibrary(db, me.shopId);
    if (since !== undefined && since >= state.revision) return { revision: state.revision, upToDate: true };
    return state;
  });

  /** The library as a pack file, to keep or to import into a browser that is not connected. */
  app.get('/api/library/pack', async (request, reply) => {
    const me = await authenticate(db, request);
    const { library } = await readLibrary(db, me.shopId);
    return reply
      .header('content-disposition', `attachment; filename="huashu-pack-${library.exportedAt?.slice(0, 10)}.json"`)
      .send(library);
  });

  app.put('/api/library', { bodyLimit: LIBRARY_BODY_BYTES, config: writes }, async (request) => {
    const me = await authenticate(db, request);
    requireAdmin(me, 'editing the library');
    const body = parseWith(SaveSchema, request.body);
    const yours = packData(parsePack(body.library));
    return db.transaction(async (tx) => {
      const current = await lockLibrary(tx, me.shopId);
      const base = await libraryAt(tx, me.shopId, body.baseRevision, current);
      const { merged, conflicts } = mergeLibrary(base, yours, packData(current.library));
      if (conflicts.length) throw conflict(current, conflicts);
      return commit(tx, me, current, merged, 'edit');
    });
  });

  app.get('/api/library/changes', async (request) => {
    const me = await authenticate(db, request);
    requireAdmin(me, 'reading the library history');
    const { limit } = parseWith(HistorySchema, request.query);
    const rows = await db.query<{
      revision: number;
      at: Date;
      kind: string;
      rolled_back: number | null;
      before: ShopData;
      after: ShopData;
      user_id: number;
      name: string;
    }>(
      `SELECT c.revision, c.at, c.kind, c.rolled_back, c.before, c.after, u.id AS user_id, u.name
         FROM library_changes c JOIN users u ON u.id = c.user_id
        WHERE c.shop_id = $1 ORDER BY c.revision DESC LIMIT $2`,
      [me.shopId, Math.min(Number(limit), 200)],
    );
    return rows.map(
      (
        row,
      ): {
        revision: number;
        at: Date;
        kind: string;
        rolledBack: number | null;
        by: object;
        changes: PackChange[];
      } => ({
        revision: row.revision,
        at: row.at,
        kind: row.kind,
        rolledBack: row.rolled_back,
        by: { id: row.user_id, name: row.name },
        changes: diffShop(row.before, { ...row.after, selectorOverrides: row.after.selectorOverrides ?? {} }),
      }),
    );
  });

  /** Undoes one change: what it changed goes back, unless a later change touched the same item (409). */
  app.post<{ Params: { revision: string } }>(
    '/api/library/changes/:revision/rollback',
    { bodyLimit: 1024, config: writes },
    async (request) => {
      const me = await authenticate(db, request);
      requireAdmin(me, 'rolling back a change');
      const target = Number.parseInt(request.params.revision, 10);
      return db.transaction(async (tx) => {
        const current = await lockLibrary(tx, me.shopId);
        const [change] = await tx.query<{ before: ShopData; after: ShopData }>(
          'SELECT before, after FROM library_changes WHERE shop_id = $1 AND revision = $2',
          [me.shopId, Number.isFinite(target) ? target : -1],
        );
        if (!change) throw notFound(`Change ${request.params.revision}`);
        const { merged, conflicts } = mergeLibrary(change.after, change.before, packData(current.library));
        if (conflicts.length) throw conflict(current, conflicts);
        return commit(tx, me, current, merged, 'rollback', target);
      });
    },
  );
}
