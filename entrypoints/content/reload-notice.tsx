import { render } from 'preact';
import { ReloadNotice } from '@/components/ReloadNotice';
import type { PopupStrings } from '@/lib/i18n/popup';

const NOTICE_CSS = `
:host { all: initial; }
.hs-reload {
  position: fixed; z-index: 2147483000; box-sizing: border-box; margin: 0; padding: 8px 12px;
  font: 13px/1.5 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', system-ui, sans-serif;
  color: #8a4b00; background: #fff7e8; border: 1px solid #ffd591; border-radius: 8px;
  box-shadow: 0 6px 20px rgba(31, 35, 41, 0.12);
}`;

/**
 * After an extension update the browser tears down the old content script's UI with its context, so
 * the notice gets a shadow root of its own that outlives it, placed where the popup would be.
 */
export function showReloadNotice(t: PopupStrings, anchor: DOMRect | null): void {
  if (document.querySelector('huashu-reload-notice')) return;
  const host = document.createElement('huashu-reload-notice');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = NOTICE_CSS;
  const container = document.createElement('div');
  shadow.append(style, container);
  render(<ReloadNotice t={t} />, container);
  const notice = shadow.querySelector<HTMLElement>('.hs-reload');
  if (notice && anchor) {
    notice.style.left = `${anchor.left}px`;
    notice.style.width = `${anchor.width}px`;
    notice.style.bottom = `${window.innerHeight - anchor.top + 8}px`;
  } else if (notice) {
    Object.assign(notice.style, { right: '16px', bottom: '16px' });
  }
  document.body.append(host);
}
