/** DOM helpers of the adapter. Only adapters import this file. */
import {
  type InsertMode,
  insertIntoComposer,
  readComposerText,
  type SendMethod,
  triggerSend,
} from '@/lib/adapters/editor-input';
import type { MessageSender, ThreadMessage } from '@/lib/adapters/types';

/** Selector variants, current first; the first that matches wins. */
type Selectors = readonly string[];

/**
 * The one element a selector list names, for parts a page has exactly one of (the composer). A variant matching
 * several elements is skipped: an over-broad override such as `div` or `.chat *` must never pick some element
 * and have Huashu type a reply into it.
 */
export function queryOne<E extends Element = HTMLElement>(root: ParentNode, selectors: Selectors): E | null {
  for (const selector of selectors) {
    const found = root.querySelectorAll<E>(selector);
    if (found.length === 1) return found[0] ?? null;
  }
  return null;
}

export function queryAll<E extends Element = HTMLElement>(root: ParentNode, selectors: Selectors): E[] {
  for (const selector of selectors) {
    const found = root.querySelectorAll<E>(selector);
    if (found.length > 0) return [...found];
  }
  return [];
}

/** Resolves true once `check` holds after DOM changes under `root`, false after `timeoutMs`. */
function waitForDom(root: Node, check: () => boolean, timeoutMs: number): Promise<boolean> {
  if (check()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const view = root.ownerDocument?.defaultView ?? globalThis;
    const observer = new MutationObserver(() => {
      if (!check()) return;
      finish(true);
    });
    const timer = view.setTimeout(() => finish(check()), timeoutMs);
    function finish(result: boolean) {
      observer.disconnect();
      view.clearTimeout(timer);
      resolve(result);
    }
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  });
}

/** How long a send may take to show in the thread before it counts as failed. */
const SEND_CONFIRM_MS = 3000;

/**
 * The newest message `from` that sender, read from the last message element backwards: in a long thread only
 * the last few messages are read.
 */
export function latestMessageFrom(
  doc: Document,
  selector: string,
  read: (el: HTMLElement) => ThreadMessage | null,
  from: MessageSender,
): ThreadMessage | undefined {
  const elements = doc.querySelectorAll<HTMLElement>(selector);
  for (let index = elements.length - 1; index >= 0; index--) {
    const message = read(elements[index]);
    if (message?.from === from) return message;
  }
  return undefined;
}

/**
 * Triggers a send and resolves true only once a new agent message with exactly `text` shows in the
 * thread: a click that the page ignored must never be reported to the agent as sent.
 */
function sendAndConfirm(options: {
  text: string;
  /** The agent's newest message as the page shows it now. */
  latestAgentMessage: () => ThreadMessage | undefined;
  /** Clicks the send control (or presses Enter). */
  trigger: () => void;
  /** Where the new message will appear. */
  root: Node;
}): Promise<boolean> {
  const text = options.text.trim();
  const before = options.latestAgentMessage()?.id;
  options.trigger();
  return waitForDom(
    options.root,
    () => {
      const latest = options.latestAgentMessage();
      return latest !== undefined && latest.id !== before && latest.text.trim() === text;
    },
    SEND_CONFIRM_MS,
  );
}

/**
 * Puts text into the composer through the insertion ladder (editor-input.ts); true once the composer reads exactly
 * that text. Which step did it goes to the console's verbose level, for diagnosing a page whose editor is new to us.
 */
async function placeText(composer: HTMLElement | null, text: string, mode: InsertMode): Promise<boolean> {
  if (!composer) return false;
  const result = await insertIntoComposer(composer, text, mode);
  if (result.landed) console.debug(`[话术助手] text placed by ${result.strategy ?? 'nothing (already there)'}`);
  else console.debug(`[话术助手] text did not land; tried ${result.tried.join(', ') || 'nothing'}`);
  return result.landed;
}

/**
 * readDraft, setDraft and send for any composer (textarea, contenteditable or rich editor): text goes in through the
 * insertion ladder, and a send is the send control's press, or the page's send key where it has no control.
 */
export function composerControls(page: {
  composer(doc: Document): HTMLElement | null;
  sendButton(doc: Document): HTMLElement | null;
  /** How the page sends when its button is not found; Enter unless the page says otherwise. */
  sendKey?: Exclude<SendMethod, 'button'>;
  latestAgentMessage(doc: Document): ThreadMessage | undefined;
  threadRoot(doc: Document): Element | null;
}) {
  return {
    readDraft(doc: Document) {
      const input = page.composer(doc);
      return input ? readComposerText(input) : '';
    },
    setDraft: (doc: Document, text: string, mode: InsertMode = 'replace') => placeText(page.composer(doc), text, mode),
    send(doc: Document) {
      const input = page.composer(doc);
      const text = input && readComposerText(input).trim();
      if (!input || !text) return Promise.resolve(false);
      const button = page.sendButton(doc);
      return sendAndConfirm({
        text,
        latestAgentMessage: () => page.latestAgentMessage(doc),
        trigger: () => triggerSend(input, button ? 'button' : (page.sendKey ?? 'enter'), button),
        root: page.threadRoot(doc) ?? doc.body,
      });
    },
  };
}
