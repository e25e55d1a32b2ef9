/**
 * Statistics of the shop. Each browser pushes its daily totals (upserted per browser × day × intent, so a
 * repeated push changes nothing); the figures are the extension's own (lib/stats/aggregate.ts) over the
 * rows of the whole shop. An agent's browsers are summed under the agent.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import type { IntentId } from '@/lib/intents/ids';
import { byDay, byHour, byIntent, replyRate, sumCounts } from '@/lib/stats/aggregate';
import { StatsPushSchema } from '@/lib/stats/row-schema';
import type { StatsRow } from '@/lib/stats/types';
import { authenticate } from '@/server/auth';
import { deviceKey, parseWith, type ServerContext } from '@/server/context';
import { forbidden } from '@/server/errors';

const STATS_BODY_BYTES = 2 * 1024 * 1024;
const day = v.pipe(v.string('request'), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'request'));
const FiguresSchema = v.object({
  from: v.optional(day),
  to: v.optional(day),
  agent: v.optional(v.pipe(v.string('request'), v.regex(/^\d{1,9}$/, 'request'), v.transform(Number))),
});

interface DayRow {
  user_id: number;
  name: string;
  day: string;
  intent: string;
  shown: number;
  copied: number;
  sent: number;
  actions: number;
  dismissed: number;
  feedback: number;
  buyer_messages: number;
  answered: number;
  answered_in_3m: number;
  reply_seconds: number;
  hours: number[];
}

const toStatsRow = (row: DayRow): StatsRow => ({
  key: `${row.day}|${row.intent}|${row.user_id}`,
  day: row.day,
  intent: row.intent as IntentId | '',
  agent: String(row.user_id),
  shown: row.shown,
  copied: row.copied,
  sent: row.sent,
  actions: row.actions,
  dismissed: row.dismissed,
  feedback: row.feedback,
  buyerMessages: row.buyer_messages,
  answered: row.answered,
  answeredIn3m: row.answered_in_3m,
  replySeconds: row.reply_seconds,
  hours: row.hours,
});

export function registerStatsRoutes(app: FastifyInstance, { db, limits }: ServerContext): void {
  const writes = { rateLimit: { max: limits.writesPerMinute, timeWindow: 60_000, keyGenerator: deviceKey } };

  app.put('/api/stats', { bodyLimit: STATS_BODY_BYTES, config: writes }, async (request) => {
    const me = await authenticate(db, request);
    const { rows } = parseWith(StatsPushSchema, request.body);
    await db.transaction(async (tx) => {
      for (const row of rows) {
        await tx.query(
          `INSERT INTO stats_days (device_id, user_id, shop_id, day, intent, shown, copied, sent, actions, dismissed,
                                   feedback, buyer_messages, answered, answered_in_3m, reply_seconds, hours)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::int[])
           ON CONFLICT (device_id, day, intent) DO UPDATE SET
             shown = EXCLUDED.shown, copied = EXCLUDED.copied, sent = EXCLUDED.sent, actions = EXCLUDED.actions,
             dismissed = EXCLUDED.dismissed, feedback = EXCLUDED.feedback, buyer_messages = EXCLUDED.buyer_messages,
             answered = EXCLUDED.answered, answered_in_3m = EXCLUDED.answered_in_3m,
             reply_seconds = EXCLUDED.reply_seconds, hours = EXCLUDED.hours, updated_at = now()`,
          [
            me.deviceId,
            me.userId,
            me.shopId,
            row.day,
            row.intent,
            row.shown,
            row.copied,
            row.sent,
            row.actions,
            row.dismissed,
            row.feedback,
            row.buyerMessages,
            row.answered,
            row.answeredIn3m,
            row.replySeconds,
            row.hours,
          ],
        );
      }
    });
    return { stored: rows.length };
  });

  /** The admin's dashboard of the shop (or of one agent); an agent gets only its own figures. */
  app.get('/api/stats', async (request) => {
    const me = await authenticate(db, request);
    const query = parseWith(FiguresSchema, request.query);
    if (me.role !== 'admin' && query.agent !== undefined && query.agent !== me.userId) {
      throw forbidden("reading another agent's statistics");
    }
    const agent = me.role === 'admin' ? (query.agent ?? null) : me.userId;
    const dayRows = await db.query<DayRow>(
      `SELECT s.user_id, u.name, s.day, s.intent, s.shown, s.copied, s.sent, s.actions, s.dismissed, s.feedback,
              s.buyer_messages, s.answered, s.answered_in_3m, s.reply_seconds, s.hours
         FROM stats_days s JOIN users u ON u.id = s.user_id
        WHERE s.shop_id = $1 AND ($2::int IS NULL OR s.user_id = $2)
          AND ($3::text IS NULL OR s.day >= $3) AND ($4::text IS NULL OR s.day <= $4)`,
      [me.shopId, agent, query.from ?? null, query.to ?? null],
    );
    const rows = dayRows.map(toStatsRow);
    const total = sumCounts(rows);
    const agents = new Map<number, { name: string; rows: StatsRow[] }>();
    for (const [index, row] of dayRows.entries()) {
      const entry = agents.get(row.user_id) ?? { name: row.name, rows: [] };
      entry.rows.push(rows[index]);
      agents.set(row.user_id, entry);
    }
    const figures = (counts: ReturnType<typeof sumCounts>) => ({
      buyerMessages: counts.buyerMessages,
      answered: counts.answered,
      answeredIn3m: counts.answeredIn3m,
      replyRate3m: replyRate(counts),
      averageReplySeconds: counts.answered ? counts.replySeconds / counts.answered : null,
    });
    const days = [...new Set(rows.map((row) => row.day))].sort();
    return {
      overall: figures(total),
      agents: [...agents].map(([id, entry]) => ({ id, name: entry.name, ...figures(sumCounts(entry.rows)) })),
      intents: byIntent(rows),
      hours: byHour(rows),
      days: byDay(rows, days),
    };
  });
}
