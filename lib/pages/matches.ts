/**
 * Match patterns of every host page an adapter supports. Kept apart from the adapters
 * (which hold DOM code) so wxt.config.ts can read it at build time: these are the manifest's
 * host_permissions and the content script's matches, and nothing else.
 */

/**
 * 飞鸽 (Douyin shop customer service) workbench: https://im.jinritemai.com/pc_seller_v2/main/workspace.
 * It is a micro-frontend: public automation code finds some of its parts in frames served from
 * pigeon.jinritemai.com, so the content script runs in those frames too (all_frames).
 */
export const FEIGE_MATCHES = ['https://im.jinritemai.com/pc_seller_v2/*', 'https://pigeon.jinritemai.com/*'];

/** 拼多多 merchant chat: https://mms.pinduoduo.com/chat-merchant/#/ (the route lives in the hash). */
export const PINDUODUO_MATCHES = ['https://mms.pinduoduo.com/chat-merchant/*'];

/**
 * The local demo host: the bundled workbench (demo/) and saved pages served by tests. The URL says
 * nothing about which page it is, so adapterFor() picks the adapter from the page's DOM there.
 */
export const LOCAL_DEMO_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

export const adapterMatches = [...FEIGE_MATCHES, ...PINDUODUO_MATCHES, ...LOCAL_DEMO_MATCHES];
