/**
 * One small database interface over the embedded PGlite and a real PostgreSQL server, so the same SQL,
 * migrations and LISTEN/NOTIFY run on both. Every statement takes its values as parameters ($1, $2…).
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Queryable {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters: the migrations. */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Calls `onPayload` for each NOTIFY on `channel`, from any process using this database. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}

/** The embedded database: in memory without a folder, otherwise kept in `dataDir`. */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const lite = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await lite.query<Row>(sql, params)).rows;
    },
    async exec(sql: string) {
      await lite.exec(sql);
    },
    transaction: (work) =>
      lite.transaction((tx) =>
        work({
          query: async <Row>(sql: string, params: unknown[] = []) => (await tx.query<Row>(sql, params)).rows,
          exec: async (sql: string) => {
            await tx.exec(sql);
          },
        }),
      ),
    async listen(channel, onPayload) {
      const unlisten = await lite.listen(channel, onPayload);
      return () => unlisten();
    },
    close: () => lite.close(),
  };
}

/** A PostgreSQL server through a pool, plus one dedicated connection for LISTEN (a pooled one may move). */
async function openPostgres(connectionString: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error('postgres pool:', error.message));
  await pool.query('SELECT 1');
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listener: pg.Client | null = null;
  let closed = false;

  const connectListener = async (): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString });
    client.on('notification', ({ channel, payload }) => {
      for (const onPayload of listeners.get(channel) ?? []) onPayload(payload ?? '');
    });
    client.on('error', (error) => {
      console.error('postgres listener:', error.message);
      listener = null;
      // Reconnect and listen again; a NOTIFY sent meanwhile is missed, so subscribers get an empty payload
      // telling them to re-read what they follow.
      if (!closed) setTimeout(() => void reconnect(), 1000);
    });
    await client.connect();
    for (const channel of listeners.keys()) await client.query(`LISTEN ${quoteChannel(channel)}`);
    return client;
  };
  const reconnect = async () => {
    try {
      listener = await connectListener();
      for (const set of listeners.values()) for (const onPayload of set) onPayload('');
    } catch (error) {
      console.error('postgres listener reconnect:', (error as Error).message);
      if (!closed) setTimeout(() => void reconnect(), 1000);
    }
  };

  return {
    kind: 'postgres',
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as Row[];
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
          exec: async (sql: string) => {
            await client.query(sql);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      listener ??= await connectListener();
      if (!listeners.has(channel)) {
        listeners.set(channel, new Set());
        await listener.query(`LISTEN ${quoteChannel(channel)}`);
      }
      listeners.get(channel)?.add(onPayload);
      return async () => {
        listeners.get(channel)?.delete(onPayload);
      };
    },
    async close() {
      closed = true;
      await listener?.end().catch(() => {});
      await pool.end();
    },
  };
}

/** LISTEN takes no parameters; channel names are the server's own constants, checked here all the same. */
function quoteChannel(channel: string): string {
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  return channel;
}

/** The database named by DATABASE_URL, or the embedded one in `dataDir`. */
export function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
