/**
 * The page mapper: an overlay on a chat page the shop added, in the manner of uBlock Origin's element picker. The
 * pointer highlights the element under it, a click picks it for the part being mapped, Esc stops picking. The panel
 * walks the admin through the parts, shows each one's proposed selector, how many elements it matches and ✓/✗,
 * marks every message on screen as buyer or agent, and runs a dry run and a test insert through the same generic
 * adapter the saved definition will get. Saving sends the definition (data only) to the background, which checks it.
 *
 * Everything is tied to the content script's context: its listeners go with ctx's signal, its UI with `close`.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MapperPanel, type MapperRow } from '@/components/MapperPanel';
import {
  definitionOf,
  MAPPER_PARTS,
  type MapperPart,
  type Mapping,
  mapPage,
  markMessages,
  type Picks,
  pickFor,
  REQUIRED_MAPPER_PARTS,
  step,
} from '@/entrypoints/content/mapper/mapping';
import { MAPPER_CSS } from '@/entrypoints/content/mapper/style';
import type { HostAdapter } from '@/lib/adapters/types';
import { errorText } from '@/lib/i18n/errors';
import { pagesStrings } from '@/lib/i18n/pages';
import type { Language } from '@/lib/language';
import { callBackground } from '@/lib/messages/background';

const MAPPER_TAG = 'huashu-mapper';
/** The parts of the walk-through, in order: after each pick the next one not yet picked waits for its click. */
const WALK: readonly MapperPart[] = ['messageList', 'buyerMessage', 'agentMessage', 'composer', 'sendButton'];
/** Outlines drawn for one part's matches at most: a selector matching the whole page needs no more to be seen. */
const MAX_OUTLINES = 200;

export interface MapperOptions {
  page: { id: string; pattern: string };
  language: Language;
  /** The generic adapter over a definition, or null when the definition does not pass the page schema. */
  adapterFor(definition: unknown): HostAdapter | null;
  /** The background stored the definition (as it checked it); false when it applies only after a reload. */
  onSaved(definition: unknown): boolean;
}

export interface MapperHandle {
  close(): void;
}

export function openMapper(ctx: ContentScriptContext, options: MapperOptions): MapperHandle {
  document.querySelector(MAPPER_TAG)?.remove();
  const t = pagesStrings(options.language).mapper;
  const doc = document;
  const host = doc.createElement(MAPPER_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = MAPPER_CSS;
  const layer = doc.createElement('div');
  layer.className = 'hs-mapper-layer';
  const hover = doc.createElement('div');
  hover.className = 'hs-mapper-hover';
  hover.hidden = true;
  const marks = doc.createElement('div');
  const panel = doc.createElement('div');
  layer.append(marks, hover);
  shadow.append(style, layer, panel);
  doc.documentElement.append(host);

  const life = new AbortController();
  ctx.signal.addEventListener('abort', () => close(), { once: true, signal: life.signal });
  let picks: Picks = {};
  let picking: MapperPart | null = 'messageList';
  let status: { tone: 'ok' | 'error'; text: string } | null = null;
  let busy = false;
  let side: 'left' | 'right' = 'right';
  let mapping: Mapping = mapPage(picks);
  let frame = 0;

  const fromMapper = (event: Event) => event.composedPath().includes(host);
  /**
   * The page's element under the pointer. By position rather than the event's target: a disabled button (a send
   * button before anything is typed) gets no mouse events of its own, but it is still what the admin points at.
   */
  const elementAt = (event: MouseEvent): Element | null => {
    const target = doc.elementFromPoint(event.clientX, event.clientY);
    return target && target !== host && target !== doc.documentElement && target !== doc.body ? target : null;
  };

  // The picker: while a part waits for its click, the page gets no pointer presses; the press picks instead.
  let pressPicked = false;
  const swallow = (event: Event) => {
    if ((!picking && !pressPicked) || fromMapper(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    // The press that picked ends with its click; the page never sees any of it, even when picking stopped.
    if (event.type === 'click') pressPicked = false;
  };
  for (const type of ['mousedown', 'pointerup', 'mouseup', 'click', 'dblclick', 'contextmenu']) {
    doc.addEventListener(type, swallow, { capture: true, signal: life.signal });
  }
  doc.addEventListener(
    'pointerdown',
    (event) => {
      if (!picking || fromMapper(event) || event.button !== 0) return;
      swallow(event);
      const target = elementAt(event);
      if (!target) return;
      pressPicked = true;
      pick(picking, target);
    },
    { capture: true, signal: life.signal },
  );
  doc.addEventListener(
    'mousemove',
    (event) => {
      if (!picking || fromMapper(event)) return;
      showBox(hover, elementAt(event));
    },
    { capture: true, passive: true, signal: life.signal },
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || !picking) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      picking = null;
      update();
    },
    { capture: true, signal: life.signal },
  );
  // Outlines and badges follow the page as it scrolls or resizes.
  for (const target of [window, doc] as const) {
    target.addEventListener('scroll', () => redrawSoon(), { capture: true, passive: true, signal: life.signal });
  }
  window.addEventListener('resize', () => redrawSoon(), { signal: life.signal });

  function pick(part: MapperPart, target: Element) {
    picks = { ...picks, [part]: pickFor(part, target, picks) };
    // A new message list changes what a message is: the messages are picked again inside it.
    if (part === 'messageList') {
      for (const inner of ['buyerMessage', 'agentMessage'] as const) {
        const earlier = picks[inner];
        if (earlier) picks[inner] = pickFor(inner, earlier.clicked, picks);
      }
    }
    status = null;
    picking = part === 'messageList' || WALK.includes(part) ? (WALK.find((next) => !picks[next]) ?? null) : null;
    update();
  }

  function definition() {
    const today = new Date().toISOString().slice(0, 10);
    return definitionOf(mapping, { ...options.page, host: location.host }, today);
  }

  async function dryRun() {
    const adapter = options.adapterFor(definition());
    if (!adapter) return;
    const thread = adapter.readThread(doc).filter((message) => message.kind === 'text' && message.text);
    const buyers = thread.filter((message) => message.from === 'buyer');
    const latest = buyers.at(-1);
    if (!latest) return finish({ tone: 'error', text: t.dryRunNoMessage });
    await run(async () => {
      const solution = await callBackground('suggest', {
        conversationId: adapter.currentConversationId(doc) ?? location.pathname,
        messageId: latest.id,
        text: latest.text,
        history: buyers.slice(0, -1).map((message) => message.text),
        orders: adapter.readOrders(doc),
        capabilities: [],
      });
      const reply = solution?.replies[0]?.text;
      return solution
        ? t.dryRunResult(latest.text, reply ? `${solution.intentLabel}：${reply}` : solution.intentLabel)
        : t.dryRunNothing(latest.text);
    });
  }

  async function testInsert() {
    const adapter = options.adapterFor(definition());
    if (!adapter) return;
    await run(async () => {
      await adapter.setDraft(doc, t.testInsertText);
      if (!adapter.readDraft(doc).includes(t.testInsertText)) throw new Error(t.testInsertFailed);
      return t.testInsertDone;
    });
  }

  async function save() {
    const candidate = definition();
    if (!candidate) return finish({ tone: 'error', text: t.incomplete });
    await run(async () => {
      const saved = await callBackground('saveMappedPage', { definition: candidate });
      return options.onSaved(saved.definition) ? t.saved : t.savedReload;
    });
    if (status?.tone === 'ok' && status.text === t.saved) close();
  }

  /** Runs one check with the panel busy; its outcome, or its refusal in words, is the panel's status. */
  async function run(check: () => Promise<string>) {
    busy = true;
    update();
    try {
      status = { tone: 'ok', text: await check() };
    } catch (error) {
      status = {
        tone: 'error',
        text: error instanceof Error && error.name === 'Error' ? error.message : errorText(error, options.language),
      };
    }
    busy = false;
    update();
  }

  function finish(outcome: NonNullable<typeof status>) {
    status = outcome;
    update();
  }

  function update() {
    mapping = mapPage(picks);
    hover.hidden = hover.hidden || !picking;
    renderPanel();
    drawMarks();
  }

  function renderPanel() {
    const rows: MapperRow[] = MAPPER_PARTS.map((part) => {
      const proposal = mapping.parts[part];
      return {
        part,
        optional: !REQUIRED_MAPPER_PARTS.includes(part) && part !== 'sendButton',
        selector: proposal?.selector ?? null,
        count: proposal?.count ?? 0,
        ok: proposal?.ok ?? false,
        rule: proposal?.rule,
      };
    });
    let sides: { buyer: number; agent: number; unknown: number } | null = null;
    if (mapping.message) {
      sides = { buyer: 0, agent: 0, unknown: 0 };
      for (const { side } of markMessages(mapping, doc)) sides[side ?? 'unknown'] += 1;
    }
    render(
      <MapperPanel
        t={t}
        rows={rows}
        picking={picking}
        sides={sides}
        senderProblem={Boolean(picks.buyerMessage && picks.agentMessage && !mapping.sender)}
        status={status}
        canSave={definition() !== null}
        busy={busy}
        side={side}
        onMove={() => {
          side = side === 'right' ? 'left' : 'right';
          update();
        }}
        onPick={(part) => {
          picking = picking === part ? null : part;
          update();
        }}
        onStep={(part, direction) => {
          const current = picks[part];
          if (!current) return;
          picks = { ...picks, [part]: step(current, direction) };
          update();
        }}
        onDryRun={() => void dryRun()}
        onTestInsert={() => void testInsert()}
        onSave={() => void save()}
        onCancel={close}
      />,
      panel,
    );
  }

  /** Outlines what the part being picked (or the last one) matches, and a buyer/agent badge on every message. */
  function drawMarks() {
    marks.replaceChildren();
    const focus = picking ?? null;
    const proposal = focus && mapping.parts[focus];
    if (proposal) {
      const matched = Array.from(doc.querySelectorAll(proposal.selector)).slice(0, MAX_OUTLINES);
      for (const el of matched) marks.append(box('hs-mapper-match', el));
    }
    for (const { el, side } of markMessages(mapping, doc).slice(0, MAX_OUTLINES)) {
      const badge = doc.createElement('span');
      badge.className = `hs-mapper-badge hs-mapper-badge--${side ?? 'unknown'}`;
      badge.textContent = side === 'buyer' ? t.buyer : side === 'agent' ? t.agent : t.unknownSender;
      // Beside the text rather than the message's box: a message row often spans the list's whole width.
      const text = mapping.messageText === ':scope' ? null : el.querySelector(mapping.messageText);
      const rect = (text ?? el).getBoundingClientRect();
      Object.assign(badge.style, { left: `${Math.max(0, rect.left)}px`, top: `${Math.max(0, rect.top - 16)}px` });
      badge.dataset.side = side ?? 'unknown';
      marks.append(badge);
    }
  }

  function box(className: string, el: Element): HTMLElement {
    const outline = doc.createElement('div');
    outline.className = className;
    placeBox(outline, el);
    return outline;
  }

  function redrawSoon() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      drawMarks();
    });
  }

  function close() {
    if (life.signal.aborted) return;
    life.abort();
    cancelAnimationFrame(frame);
    render(null, panel);
    host.remove();
    void callBackground('finishMapping', {}).catch(() => {});
  }

  // The walk-through starts at once: the message list waits for its click.
  update();
  return { close };
}

function placeBox(outline: HTMLElement, el: Element) {
  const rect = el.getBoundingClientRect();
  Object.assign(outline.style, {
    left: `${rect.left}px`,
    top: `${rect.top}px`,
    width: `${rect.width}px`,
    height: `${rect.height}px`,
  });
}

function showBox(outline: HTMLElement, el: Element | null) {
  outline.hidden = el === null;
  if (el) placeBox(outline, el);
}
