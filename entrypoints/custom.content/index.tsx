/**
 * Huashu on a chat page the shop added (添加聊天页面). Not in the manifest: the background registers this script
 * at run time for each added page's pattern only (entrypoints/background/custom-pages.ts), so it runs nowhere else.
 * It asks the background which page it is on; once the page is mapped, Huashu reads it through the generic adapter
 * over the stored definition, exactly as on the built-in pages. The page mapper opens here when the admin asks
 * from the options page or the toolbar popup.
 */
import feedbackFormCss from '@/components/feedback-form.css?inline';
import popupCss from '@/components/suggestion-popup.css?inline';
import tokensCss from '@/components/tokens.css?inline';
import { openMapper } from '@/entrypoints/content/mapper';
import { connectFrame, startOnPage } from '@/entrypoints/content/start';
import waitingCss from '@/entrypoints/content/waiting.css?inline';
import { createAdapter } from '@/lib/adapters/generic';
import type { HostAdapter } from '@/lib/adapters/types';
import { callBackground } from '@/lib/messages/background';
import { checkPageDefinition, type PageDefinition } from '@/lib/pages/definition';
import { DEFAULT_SETTINGS } from '@/lib/settings';

/**
 * The popup's styles, carried inline. The manifest's script loads its stylesheet from the extension, which pages
 * may fetch only where the manifest lists them as web-accessible; an added page's origin is known only at run
 * time, so this script brings its CSS along instead (every stylesheet the content modules import).
 */
const POPUP_CSS = [tokensCss, popupCss, waitingCss, feedbackFormCss].join('\n').replaceAll(':root', ':host');

/** The generic adapter over a definition that passes the page schema; null otherwise. */
function adapterOver(definition: unknown): HostAdapter | null {
  const checked = checkPageDefinition(definition);
  return checked.success ? createAdapter(checked.output as PageDefinition) : null;
}

export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const page = await callBackground('customPage', {}).catch(() => null);
    if (!page) return;
    const frame = connectFrame(ctx);
    let running = false;
    /** Starts Huashu over a definition; false when it already runs here (a new mapping applies after a reload). */
    const run = (definition: unknown) => {
      const adapter = adapterOver(definition);
      if (!adapter || running) return false;
      running = true;
      void startOnPage(ctx, adapter, frame, POPUP_CSS);
      return true;
    };
    // The mapper covers the whole page, so only the top frame opens it.
    if (window === window.top) {
      frame.tab.handle('startMapper', async () => {
        await frame.shop.firstLoad;
        openMapper(ctx, {
          page,
          language: frame.shop.current()?.settings.language ?? DEFAULT_SETTINGS.language,
          adapterFor: adapterOver,
          onSaved: run,
        });
        return { started: true };
      });
    }
    if (page.definition) run(page.definition);
  },
});
