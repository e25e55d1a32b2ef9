/**
 * The slow-reply alert and the jump to the longest-waiting buyer, for one chat tab. Reads the page only
 * through the adapter's conversation list; draws its own small badge in its own shadow root, at the top
 * of the chat column where it covers neither the composer nor the suggestion popup.
 */
import '@/components/tokens.css';
import '@/entrypoints/content/waiting.css';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ShopWatch } from '@/entrypoints/content/shop';
import { recordStat } from '@/entrypoints/content/stats';
import { createTimers } from '@/entrypoints/content/timers';
import { watchConversations } from '@/lib/adapters/conversation-list';
import type { HostAdapter } from '@/lib/adapters/types';
import { type PopupStrings, popupStrings } from '@/lib/i18n/popup';
import { callBackground } from '@/lib/messages/background';
import { LIMITS } from '@/lib/messages/limits';
import type { TabDispatcher } from '@/lib/messages/tab';
import type { WaitingRow } from '@/lib/messages/tab-answers';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { type PreviewQuestion, PreviewUrgency } from '@/lib/waiting/previews';
import {
  formatWait,
  MARK_GRACE_MS,
  nextAlertAt,
  slowReplies,
  type WaitingBuyer,
  WaitingTracker,
  waitedSeconds,
} from '@/lib/waiting/tracker';

/** Waits already running this long before Huashu started were not seen from their start. */
const PRESENT_AT_START_MS = 5000;
/** The agent counts as typing in the open conversation while the draft is not empty and was edited this recently. */
const TYPING_MS = 15_000;
const MAX_ROWS = 5;
/**
 * Previews are judged this long after the list changed: a page change that also brought a message to the open chat
 * sends its suggestion request first, so the previews never queue in front of it in the background.
 */
const PREVIEW_PAUSE_MS = 100;

export interface WaitingController {
  /** Marks a conversation urgent (escalation or an angry buyer) until the agent replies. */
  mark(conversationId: string): void;
  isMarked(conversationId: string): boolean;
  /** The agent sent something in this conversation through Huashu. */
  replied(conversationId: string): void;
  /** Opens the longest-waiting conversation; false when nobody waits. */
  jumpLongest(): boolean;
  /** Called whenever a conversation gains or loses its urgent mark. */
  onMarksChanged(listener: () => void): void;
}

/**
 * Nothing here polls. The conversation list is read when the page changes it (a timer counting up is no change,
 * lib/adapters/conversation-list.ts); the alert is worked out again at the next moment a buyer crosses the
 * threshold or the agent's typing lapses; the badge's clock redraws only the rows it shows, once a second, and
 * only while they show.
 */
export function startWaiting(
  ctx: ContentScriptContext,
  adapter: HostAdapter,
  shop: ShopWatch,
  tab: TabDispatcher,
): WaitingController {
  const doc = document;
  const timers = createTimers(ctx.signal, () => ctx.isValid);
  /** Typing changes who is alerted; the draft is read once a frame at most. */
  const requestEvaluate = timers.perFrame(() => evaluate());
  /** Places the badge before the next paint, once however often it is asked. */
  const requestPlace = timers.perFrame(() => place());
  let clockRunning = false;
  /** When the pending clock wake fires (epoch ms); infinity when none is pending. */
  let wakeAt = Number.POSITIVE_INFINITY;
  const startedAt = Date.now();
  const tracker = new WaitingTracker(() => Date.now());
  let settings: Settings = shop.current()?.settings ?? DEFAULT_SETTINGS;
  let t: PopupStrings = popupStrings(settings.language);
  let lastTyped = 0;
  let reported = -1;
  let collapsed = false;
  let alert: WaitingBuyer[] = [];
  let alerted = new Set<string>();
  /** Waits whose start Huashu saw; only those count in the statistics, so a reload never counts one twice. */
  const counted = new Set<string>();
  let layer: HTMLElement | null = null;
  /** What the badge shows and how it is laid out, as last drawn: a draw that changes neither touches nothing. */
  let drawnContent = '';
  let drawnShape = '';
  const markListeners: (() => void)[] = [];
  let marksSeen = '';
  /** 紧急 from the conversation list: previews waiting to be judged, a batch at a time. */
  const previews = new PreviewUrgency();
  const previewQuestions: PreviewQuestion[] = [];
  let judgingPreviews = false;

  function notifyMarks(buyers: readonly WaitingBuyer[]) {
    const now = buyers
      .filter((buyer) => buyer.marked)
      .map((buyer) => buyer.id)
      .join('\n');
    if (now === marksSeen) return;
    marksSeen = now;
    for (const listener of markListeners) listener();
  }

  function typingIn(): string | null {
    if (Date.now() - lastTyped > TYPING_MS) return null;
    const open = adapter.currentConversationId(doc);
    if (!open) return null;
    return adapter.readDraft(doc).trim() ? open : null;
  }

  function open(id: string): boolean {
    const done = adapter.openConversation(doc, id);
    // The agent jumped there to answer: put the caret in the composer once the page has switched.
    if (done) timers.timeout(() => adapter.composer(doc)?.focus(), 50);
    return done;
  }

  function jumpLongest(): boolean {
    read();
    const [first] = tracker.buyers();
    return first ? open(first.id) : false;
  }

  function rows(): WaitingRow[] {
    const now = Date.now();
    const buyers = tracker.buyers();
    const late = new Set(slowReplies(buyers, alertOptions()).map((buyer) => buyer.id));
    return buyers.map((buyer) => ({
      id: buyer.id,
      name: buyer.name,
      seconds: waitedSeconds(buyer, now),
      marked: buyer.marked,
      late: late.has(buyer.id),
    }));
  }

  function alertOptions() {
    return { thresholdSeconds: settings.slowReplyThresholdSeconds, now: Date.now(), typingIn: typingIn() };
  }

  /** Reads the conversation list: whose wait started, whose ended, whose preview reads urgent; then the alert. */
  function read() {
    const rows = adapter.conversations(doc);
    const update = tracker.update(rows);
    for (const buyer of update.started) {
      // Waits already running when Huashu started were not seen from their start: left out of the figures.
      if (buyer.since < startedAt - PRESENT_AT_START_MS) continue;
      counted.add(`${buyer.id}@${buyer.since}`);
      recordStat({ kind: 'buyerMessage', at: buyer.since });
    }
    for (const wait of update.answered) {
      if (counted.delete(`${wait.id}@${wait.since}`))
        recordStat({ kind: 'answered', at: wait.since, seconds: wait.seconds });
    }
    const fromPreviews = previews.consider(rows, adapter.currentConversationId(doc));
    for (const id of fromPreviews.mark) tracker.mark(id);
    if (fromPreviews.ask.length > 0) {
      previewQuestions.push(...fromPreviews.ask);
      judgePreviews();
    }
    evaluate();
  }

  /**
   * Asks the background (the engine) about the previews not judged yet, one batch at a time: previews that arrive
   * meanwhile go in the next batch. A preview judged urgent marks its buyer while they still wait with it.
   */
  function judgePreviews() {
    if (judgingPreviews || previewQuestions.length === 0) return;
    judgingPreviews = true;
    timers.timeout(() => {
      const batch = previewQuestions.splice(0, LIMITS.previewsPerRequest);
      callBackground('previewUrgency', { previews: batch })
        .then(
          ({ urgent }) => {
            const marked = previews.answered(batch, urgent);
            for (const id of marked) tracker.mark(id);
            if (marked.length > 0) evaluate();
          },
          // The background is down or reloaded: these are asked again when their rows are read again.
          () => previews.unanswered(batch),
        )
        .finally(() => {
          judgingPreviews = false;
          judgePreviews();
        });
    }, PREVIEW_PAUSE_MS);
  }

  /** Works out the alert from what was read, tells the toolbar and the badge, and plans the next clock wake. */
  function evaluate() {
    const buyers = tracker.buyers();
    notifyMarks(buyers);
    const options = alertOptions();
    alert = slowReplies(buyers, options);
    if (settings.slowReplySound && alert.some((buyer) => !alerted.has(buyer.id))) beep();
    alerted = new Set(alert.map((buyer) => buyer.id));
    if (alert.length !== reported) {
      reported = alert.length;
      callBackground('reportWaiting', { count: alert.length }).catch(() => {});
    }
    draw();
    const typingEnds = options.typingIn ? lastTyped + TYPING_MS + 1 : undefined;
    const crossing = nextAlertAt(buyers, options);
    wake(Math.min(crossing ?? Number.POSITIVE_INFINITY, typingEnds ?? Number.POSITIVE_INFINITY));
  }

  /** Works the alert out again at `at`; an earlier wake already pending does it first and plans again. */
  function wake(at: number) {
    if (!Number.isFinite(at) || at >= wakeAt) return;
    wakeAt = at;
    timers.timeout(
      () => {
        // A wake planned earlier than this one ran meanwhile and planned its own.
        if (wakeAt !== at) return;
        wakeAt = Number.POSITIVE_INFINITY;
        evaluate();
      },
      Math.max(0, at - Date.now()),
    );
  }

  function draw() {
    if (!layer) return;
    const now = Date.now();
    const shape = `${settings.slowReplyThresholdSeconds}\n${badgeShape(alert, collapsed, settings.language)}`;
    const content = `${shape}\n${collapsed ? '' : shownTimes(alert, now, settings.language)}`;
    if (content !== drawnContent) {
      drawnContent = content;
      render(
        alert.length === 0 ? null : (
          <SlowReplyBadge
            buyers={alert}
            now={now}
            t={t}
            thresholdSeconds={settings.slowReplyThresholdSeconds}
            language={settings.language}
            collapsed={collapsed}
            onToggle={toggleBadge}
            onOpen={openFromBadge}
          />
        ),
        layer,
      );
      layer.hidden = alert.length === 0;
    }
    if (shape !== drawnShape) {
      drawnShape = shape;
      requestPlace();
    }
    runClock();
  }

  function toggleBadge() {
    collapsed = !collapsed;
    draw();
  }

  function openFromBadge(id: string) {
    open(id);
    read();
  }

  /** While the badge lists times, redraws it as the first one turns to its next second. */
  function runClock() {
    const [first] = alert;
    if (clockRunning || !first || collapsed) return;
    clockRunning = true;
    timers.timeout(
      () => {
        clockRunning = false;
        draw();
      },
      1000 - ((Date.now() - first.since) % 1000),
    );
  }

  /** Centred at the top of the chat column: above old messages, never over the composer or the popup. */
  function place() {
    if (!layer || layer.hidden) return;
    // Every read first, then the writes: one layout, not one per read.
    // Only the thread anchors it: the composer's box would put the badge on the composer. Without a
    // thread (the page still rendering) it waits in the top-right corner.
    const rect = adapter.threadRoot(doc)?.getBoundingClientRect();
    const popupTop = document
      .querySelector('huashu-assistant')
      ?.shadowRoot?.querySelector('.hs-layer:not([hidden])')
      ?.getBoundingClientRect().top;
    const composerTop = adapter.composerArea(doc)?.getBoundingClientRect().top;
    const head = layer.querySelector('.hw-head')?.getBoundingClientRect().height ?? 32;
    const top = rect && rect.width > 0 ? Math.max(8, rect.top + 10) : 72;
    // The list never reaches down to the suggestion popup or the composer: it scrolls within the room left.
    const floor = Math.min(popupTop ?? Number.POSITIVE_INFINITY, composerTop ?? window.innerHeight) - 8;
    Object.assign(
      layer.style,
      rect && rect.width > 0
        ? { left: `${rect.left + rect.width / 2}px`, top: `${top}px`, right: '', transform: 'translateX(-50%)' }
        : { left: '', top: `${top}px`, right: '16px', transform: '' },
    );
    layer.style.setProperty('--hw-room', `${Math.max(0, floor - top - head - 2)}px`);
  }

  function onKeyDown(event: KeyboardEvent) {
    // The browser command (Alt+J by default) reaches the background; a page that sees the key handles it here too.
    if (!event.isTrusted || event.isComposing || event.keyCode === 229) return;
    if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.code !== 'KeyJ') return;
    event.preventDefault();
    event.stopPropagation();
    jumpLongest();
  }

  tab.handle('jumpLongest', () => ({ opened: jumpLongest() }));
  tab.handle('openConversation', ({ id }) => ({ opened: open(id) }));
  tab.handle('waitingList', () => {
    read();
    return { buyers: rows(), thresholdSeconds: settings.slowReplyThresholdSeconds };
  });

  void createShadowRootUi(ctx, {
    name: 'huashu-waiting',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container, _shadow, host) {
      layer = document.createElement('div');
      layer.className = 'hw-layer';
      layer.hidden = true;
      container.append(layer);
      host.dataset.ready = '1';
      evaluate();
    },
  }).then((ui) => ui.mount());

  shop.onChange((state) => {
    settings = state.settings;
    t = popupStrings(settings.language);
    evaluate();
  });
  watchConversations(doc, adapter, read, ctx.signal);
  read();
  ctx.addEventListener(document, 'keydown', onKeyDown, { capture: true });
  ctx.addEventListener(
    document,
    'input',
    (event) => {
      const composer = adapter.composer(doc);
      if (!composer || !(event.target instanceof Node) || !composer.contains(event.target)) return;
      lastTyped = Date.now();
      requestEvaluate();
    },
    { capture: true },
  );
  ctx.addEventListener(window, 'resize', requestPlace);
  ctx.onInvalidated(() => {
    if (layer) render(null, layer);
  });

  return {
    mark(id) {
      tracker.mark(id);
      read();
      // A mark the list does not back up yet lapses after a grace period: look again once it is over.
      timers.timeout(read, MARK_GRACE_MS + 100);
    },
    isMarked: (id) => tracker.isMarked(id),
    replied(id) {
      tracker.replied(id);
      evaluate();
    },
    jumpLongest,
    onMarksChanged(listener) {
      markListeners.push(listener);
    },
  };
}

interface BadgeProps {
  buyers: WaitingBuyer[];
  now: number;
  t: PopupStrings;
  thresholdSeconds: number;
  language: Settings['language'];
  collapsed: boolean;
  onToggle(): void;
  onOpen(id: string): void;
}

function SlowReplyBadge({ buyers, now, t, thresholdSeconds, language, collapsed, onToggle, onOpen }: BadgeProps) {
  const w = t.workflow;
  const shown = buyers.slice(0, MAX_ROWS);
  const urgentCount = buyers.filter((buyer) => buyer.marked).length;
  const urgent = urgentCount > 0;
  return (
    <aside class={`hw-badge${urgent ? ' hw-badge--urgent' : ''}`} aria-label={t.appName} role="status">
      <button type="button" class="hw-head" aria-expanded={!collapsed} onClick={onToggle}>
        <span class="hw-clock" aria-hidden="true" />
        <span class="hw-title">{w.slowTitle(buyers.length, thresholdSeconds, urgentCount)}</span>
        <span class="hw-chevron" aria-hidden="true">
          {collapsed ? '▾' : '▴'}
        </span>
      </button>
      {!collapsed && (
        <ol class="hw-list">
          {shown.map((buyer) => {
            const seconds = waitedSeconds(buyer, now);
            return (
              <li key={buyer.id}>
                <button
                  type="button"
                  class={`hw-row${buyer.marked ? ' hw-row--marked' : ''}`}
                  data-conv-id={buyer.id}
                  title={w.open(buyer.name)}
                  onClick={() => onOpen(buyer.id)}
                >
                  <span class="hw-name">{buyer.name}</span>
                  {buyer.marked && <span class="hw-tag">{w.urgent}</span>}
                  <span class={`hw-time${seconds >= 180 ? ' hw-time--late' : ''}`}>
                    {formatWait(seconds, language)}
                  </span>
                </button>
              </li>
            );
          })}
          {buyers.length > shown.length && <li class="hw-more">{w.more(buyers.length - shown.length)}</li>}
          <li class="hw-hint">{w.jumpHint}</li>
        </ol>
      )}
    </aside>
  );
}

/** How the badge is laid out: a change moves it, or changes the room its list has. */
function badgeShape(buyers: readonly WaitingBuyer[], collapsed: boolean, language: Settings['language']): string {
  if (buyers.length === 0) return '';
  const rows = buyers
    .slice(0, MAX_ROWS)
    .map((buyer) => `${buyer.id}\t${buyer.name}\t${buyer.marked}`)
    .join('\n');
  const urgent = buyers.filter((buyer) => buyer.marked).length;
  return `${language}\n${collapsed}\n${buyers.length}\n${urgent}\n${rows}`;
}

/** The times the badge's rows show at `now`, as they read. */
function shownTimes(buyers: readonly WaitingBuyer[], now: number, language: Settings['language']): string {
  return buyers
    .slice(0, MAX_ROWS)
    .map((buyer) => formatWait(waitedSeconds(buyer, now), language))
    .join('\n');
}

let audio: AudioContext | undefined;

/** A short, soft two-note tone; only when the admin turned the sound on. */
function beep() {
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.18, 660],
    ]) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.08, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.16);
      osc.connect(gain).connect(audio.destination);
      osc.start(start + offset);
      osc.stop(start + offset + 0.18);
    }
  } catch {
    // No audio (autoplay policy before any click on the page): the badge still shows.
  }
}
