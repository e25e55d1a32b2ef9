/**
 * Match patterns of every host page an adapter supports. Kept apart from the adapters
 * (which hold DOM code) so wxt.config.ts can read it at build time.
 */
export const DEMO_WORKBENCH_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

export const adapterMatches = [...DEMO_WORKBENCH_MATCHES];
