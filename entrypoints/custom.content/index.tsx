/**
 * Huashu on a chat page the shop added (添加聊天页面). Not in the manifest: the background registers this script
 * at run time for each added page's pattern only (entrypoints/background/custom-pages.ts), so it runs nowhere else.
 * It asks the background which page it is on.
 */
import { callBackground } from '@/lib/messages/background';
import { serveTab } from '@/lib/messages/tab';

export default defineContentScript({
  registration: 'runtime',
  async main(ctx) {
    const tab = serveTab(ctx.signal);
    const page = await callBackground('customPage', {}).catch(() => null);
    if (!page) return;
    tab.handle('startMapper', () => ({ started: false }));
  },
});
