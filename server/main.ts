/**
 * `npm run server`: the shop server on 127.0.0.1:8787 with the embedded database in ./data, or the
 * PostgreSQL server named by DATABASE_URL. While the database has no shop, each start prints a one-time
 * setup code.
 */
import { buildApp } from '@/server/app';
import { issueSetupCode } from '@/server/auth';
import { openDatabase } from '@/server/db';
import { migrate } from '@/server/migrate';

const env = process.env;
const host = env.HOST ?? '127.0.0.1';
const port = Number(env.PORT ?? 8787);
/**
 * The unpacked build's ID (its key is in wxt.config.ts): allowed when HUASHU_EXTENSION_ORIGINS is unset, so
 * `npm run server` works with the README's build at once. A store-installed extension has the store's ID: list it
 * there (comma-separated), and set the variable to whatever the shop uses.
 */
const UNPACKED_EXTENSION_ORIGIN = 'chrome-extension://agipblkcpilibbmifecdajegbgphhnfh';
const allowedOrigins = (env.HUASHU_EXTENSION_ORIGINS ?? UNPACKED_EXTENSION_ORIGIN)
  .split(',')
  .map((origin) => origin.trim())
  .filter(Boolean);

const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.HUASHU_DATA_DIR ?? './data' });
const applied = await migrate(db);
if (applied.length) console.log(`Database: applied migrations ${applied.join(', ')}`);

const { app } = await buildApp({
  db,
  allowedOrigins,
  trustProxy: env.HUASHU_TRUST_PROXY === '1',
  limits: {
    ...(env.HUASHU_LOGIN_PER_MINUTE ? { loginPerMinute: Number(env.HUASHU_LOGIN_PER_MINUTE) } : {}),
    ...(env.HUASHU_WRITES_PER_MINUTE ? { writesPerMinute: Number(env.HUASHU_WRITES_PER_MINUTE) } : {}),
  },
});
await app.listen({ host, port });
const setupCode = await issueSetupCode(db);
if (setupCode) console.log(`Setup code (one use, 7 days): ${setupCode}`);
// After the setup code: a launcher that waits for this line has the code too.
console.log(
  `Huashu shop server on http://${host}:${port} (${db.kind === 'pglite' ? 'embedded database' : 'PostgreSQL'})`,
);
if (!allowedOrigins.length)
  console.log('No extension origin set (HUASHU_EXTENSION_ORIGINS): browsers cannot call it yet');

const shutdown = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
