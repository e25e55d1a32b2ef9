/**
 * The shop's feedback inbox. An agent's browser posts each item with an Idempotency-Key: a retry after a
 * lost answer, a server restart or a browser restart stores nothing twice. Text is masked again here with
 * the extension's own masking (the page it came from is not trusted), images are checked and kept as bytes.
 * The admin reads the whole shop's inbox, by agent if asked; an agent reads only its own.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { maskContext, maskPersonal } from '@/lib/feedback/mask';
import { FeedbackInputSchema } from '@/lib/feedback/schema';
import { FEEDBACK_LIMITS, type FeedbackContext } from '@/lib/feedback/types';
import { authenticate, requireAdmin } from '@/server/auth';
import { FEEDBACK_CHANNEL } from '@/server/channels';
import { deviceKey, parseWith, type ServerContext } from '@/server/context';
import { forbidden, HttpError, notFound } from '@/server/errors';
import { forwardStates } from '@/server/forward';

/** Three images at the shared limit, and the text around them. */
const FEEDBACK_BODY_BYTES = FEEDBACK_LIMITS.images * FEEDBACK_LIMITS.imageDataUrlChars + 256 * 1024;
const IDEMPOTENCY_KEY = /^[\w.:-]{8,200}$/;

/** The first bytes each accepted type starts with: a data URL that says PNG must hold a PNG. */
const SIGNATURES: Record<string, (bytes: Buffer) => boolean> = {
  'image/png': (bytes) => bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (bytes) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff,
  'image/webp': (bytes) =>
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP',
};

function imageBytes(type: string, dataUrl: string, position: number): Buffer {
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  if (!SIGNATURES[type]?.(bytes)) {
    throw new HttpError(400, 'imageInvalid', `Image ${position + 1} is not the ${type} it says it is`, {
      position: position + 1,
    });
  }
  return bytes;
}

const ListSchema = v.object({
  agent: v.optional(v.pipe(v.string('request'), v.regex(/^\d{1,9}$/, 'request'), v.transform(Number))),
  before: v.optional(v.pipe(v.string('request'), v.regex(/^\d{1,9}$/, 'request'), v.transform(Number))),
  limit: v.optional(v.pipe(v.string('request'), v.regex(/^\d{1,3}$/, 'request'), v.transform(Number))),
});
const ResolvedSchema = v.object({ resolved: v.boolean('enabled') }, 'request');

interface FeedbackRow {
  id: number;
  user_id: number;
  name: string;
  category: string;
  description: string;
  context: FeedbackContext;
  created_at: Date;
  resolved_at: Date | null;
}

export function registerFeedbackRoutes(app: FastifyInstance, { db, limits, forwarder }: ServerContext): void {
  const writes = { rateLimit: { max: limits.writesPerMinute, timeWindow: 60_000, keyGenerator: deviceKey } };

  app.post('/api/feedback', { bodyLimit: FEEDBACK_BODY_BYTES, config: writes }, async (request, reply) => {
    const me = await authenticate(db, request);
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
      throw new HttpError(
        400,
        'idempotencyKeyMissing',
        'Idempotency-Key header (8–200 of A–Z a–z 0–9 _ . : -) is needed',
      );
    }
    const input = parseWith(FeedbackInputSchema, request.body);
    const images = input.images.map((image, position) => ({
      ...image,
      bytes: imageBytes(image.type, image.dataUrl, position),
    }));
    // The same key with other content is a client bug, not a retry: say so rather than drop it silently.
    const bodyHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
    const result = await db.transaction(async (tx) => {
      const [created] = await tx.query<{ id: number }>(
        `INSERT INTO feedback (shop_id, user_id, device_id, idempotency_key, body_hash, category, description, context)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
         ON CONFLICT (user_id, idempotency_key) DO NOTHING RETURNING id`,
        [
          me.shopId,
          me.userId,
          me.deviceId,
          key,
          bodyHash,
          input.category,
          maskPersonal(input.description),
          JSON.stringify(maskContext(input.context)),
        ],
      );
      if (!created) {
        const [earlier] = await tx.query<{ id: number; body_hash: string }>(
          'SELECT id, body_hash FROM feedback WHERE user_id = $1 AND idempotency_key = $2',
          [me.userId, key],
        );
        if (earlier.body_hash !== bodyHash) {
          throw new HttpError(409, 'idempotencyKeyReused', 'This Idempotency-Key was used for other feedback');
        }
        return { id: earlier.id, duplicate: true };
      }
      for (const [position, image] of images.entries()) {
        await tx.query(
          'INSERT INTO feedback_images (feedback_id, position, type, width, height, bytes) VALUES ($1, $2, $3, $4, $5, $6)',
          [created.id, position, image.type, image.width, image.height, image.bytes],
        );
      }
      await forwarder.queue(tx, me.shopId, created.id);
      await tx.query('SELECT pg_notify($1, $2)', [
        FEEDBACK_CHANNEL,
        JSON.stringify({ shop: me.shopId, id: created.id, agent: me.userId }),
      ]);
      return { id: created.id, duplicate: false };
    });
    if (!result.duplicate) void forwarder.drain();
    return reply.code(result.duplicate ? 200 : 201).send(result);
  });

  app.get('/api/feedback', async (request) => {
    const me = await authenticate(db, request);
    const query = parseWith(ListSchema, request.query);
    if (me.role !== 'admin' && query.agent !== undefined && query.agent !== me.userId) {
      throw forbidden("reading another agent's feedback");
    }
    const agent = me.role === 'admin' ? (query.agent ?? null) : me.userId;
    const rows = await db.query<FeedbackRow>(
      `SELECT f.id, f.user_id, u.name, f.category, f.description, f.context, f.created_at, f.resolved_at
         FROM feedback f JOIN users u ON u.id = f.user_id
        WHERE f.shop_id = $1 AND ($2::int IS NULL OR f.user_id = $2) AND ($3::int IS NULL OR f.id < $3)
        ORDER BY f.id DESC LIMIT $4`,
      [me.shopId, agent, query.before ?? null, Math.min(query.limit ?? 50, 200)],
    );
    const images = rows.length
      ? await db.query<{
          feedback_id: number;
          position: number;
          type: string;
          width: number;
          height: number;
          size: number;
        }>(
          `SELECT feedback_id, position, type, width, height, octet_length(bytes) AS size
             FROM feedback_images WHERE feedback_id = ANY($1::int[]) ORDER BY feedback_id, position`,
          [rows.map((row) => row.id)],
        )
      : [];
    // Whether each item reached the shop's webhook is the admin's business only.
    const forwards =
      me.role === 'admin'
        ? await forwardStates(
            db,
            rows.map((row) => row.id),
          )
        : null;
    return rows.map((row) => ({
      id: row.id,
      agent: { id: row.user_id, name: row.name },
      category: row.category,
      description: row.description,
      context: row.context,
      createdAt: row.created_at,
      resolved: row.resolved_at !== null,
      ...(forwards ? { forward: forwards.get(row.id) ?? null } : {}),
      images: images
        .filter((image) => image.feedback_id === row.id)
        .map(({ position, type, width, height, size }) => ({
          url: `/api/feedback/${row.id}/images/${position}`,
          type,
          width,
          height,
          bytes: size,
        })),
    }));
  });

  app.get<{ Params: { id: string; position: string } }>(
    '/api/feedback/:id/images/:position',
    async (request, reply) => {
      const me = await authenticate(db, request);
      const [image] = await db.query<{ type: string; bytes: Uint8Array; user_id: number; shop_id: number }>(
        `SELECT i.type, i.bytes, f.user_id, f.shop_id FROM feedback_images i JOIN feedback f ON f.id = i.feedback_id
        WHERE i.feedback_id = $1 AND i.position = $2`,
        [Number.parseInt(request.params.id, 10) || 0, Number.parseInt(request.params.position, 10) || 0],
      );
      if (!image || image.shop_id !== me.shopId) throw notFound('Image');
      if (me.role !== 'admin' && image.user_id !== me.userId) throw forbidden("reading another agent's feedback");
      return reply.type(image.type).header('cache-control', 'private, max-age=86400').send(Buffer.from(image.bytes));
    },
  );

  app.patch<{ Params: { id: string } }>('/api/feedback/:id', { bodyLimit: 1024, config: writes }, async (request) => {
    const me = await authenticate(db, request);
    requireAdmin(me, 'marking feedback resolved');
    const { resolved } = parseWith(ResolvedSchema, request.body);
    const [row] = await db.query<{ id: number }>(
      `UPDATE feedback SET resolved_at = CASE WHEN $3 THEN coalesce(resolved_at, now()) END
        WHERE id = $1 AND shop_id = $2 RETURNING id`,
      [Number.parseInt(request.params.id, 10) || 0, me.shopId, resolved],
    );
    if (!row) throw notFound('Feedback');
    return { id: row.id, resolved };
  });
}
