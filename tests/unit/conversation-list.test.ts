// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { onlyWaitTextsTicked, watchConversations } from '@/lib/adapters/conversation-list';
import { demoWorkbench } from '@/tests/unit/adapters';

function loadWorkbench(): void {
  const html = readFileSync(resolve(import.meta.dirname, '../fixtures/workbench.html'), 'utf8');
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
}

/** Mutation observers report after the current task's microtasks. */
const observed = () => new Promise((done) => setTimeout(done, 0));

let stop = new AbortController();
afterEach(() => stop.abort());

/** Watches the loaded workbench's list; returns how many times it asked for a new read. */
function watch(): { reads: () => number } {
  stop = new AbortController();
  let reads = 0;
  watchConversations(document, demoWorkbench, () => reads++, stop.signal);
  return { reads: () => reads };
}

function waitBadge(id: string): HTMLElement {
  const badge = document.querySelector<HTMLElement>(`.conv-item[data-conv-id="${id}"] .conv-wait`);
  if (!badge) throw new Error(`no waiting timer in row ${id}`);
  return badge;
}

describe('watchConversations on the workbench', () => {
  test('a waiting timer counting up asks for no read, and the list still reads the same wait', async () => {
    loadWorkbench();
    const before = demoWorkbench.conversations(document).find((row) => row.id === 'c02');
    const watcher = watch();
    const badge = waitBadge('c02');
    badge.dataset.waitSeconds = '421';
    badge.textContent = '等待 7分01秒';
    await observed();
    expect(watcher.reads()).toBe(0);
    expect(demoWorkbench.conversations(document).find((row) => row.id === 'c02')).toMatchObject({
      waiting: before?.waiting,
      name: before?.name,
    });
  });

  test('a buyer who stops waiting asks for a read, and the list then shows the row not waiting', async () => {
    loadWorkbench();
    const watcher = watch();
    const badge = waitBadge('c02');
    badge.textContent = '';
    badge.hidden = true;
    await observed();
    expect(watcher.reads()).toBeGreaterThan(0);
    expect(demoWorkbench.conversations(document).find((row) => row.id === 'c02')?.waiting).toBe(false);
  });

  test('a new conversation row asks for a read; nothing does once the signal aborted', async () => {
    loadWorkbench();
    const watcher = watch();
    const list = document.querySelector('ul.conv-list');
    const row = document.querySelector('.conv-item[data-conv-id="c02"]')?.cloneNode(true) as HTMLElement;
    row.dataset.convId = 'c99';
    list?.append(row);
    await observed();
    const reads = watcher.reads();
    expect(reads).toBeGreaterThan(0);

    stop.abort();
    list?.append(row.cloneNode(true));
    await observed();
    expect(watcher.reads()).toBe(reads);
  });

  test('a list drawn anew (the page re-rendered it) is found and watched again', async () => {
    loadWorkbench();
    const watcher = watch();
    const list = document.querySelector('ul.conv-list');
    const copy = list?.cloneNode(true) as HTMLElement;
    list?.replaceWith(copy);
    await observed();
    const reads = watcher.reads();
    expect(reads).toBeGreaterThan(0);
    copy.querySelector<HTMLElement>('.conv-item[data-conv-id="c02"] .conv-wait')?.toggleAttribute('hidden', true);
    await observed();
    expect(watcher.reads()).toBeGreaterThan(reads);
  });
});

describe('onlyWaitTextsTicked (pages that show the wait as text only)', () => {
  /** The records a text change makes, observed for real. */
  async function recordsOf(start: string, change: (el: HTMLElement) => void): Promise<MutationRecord[]> {
    const el = document.createElement('span');
    el.textContent = start;
    document.body.append(el);
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((batch) => records.push(...batch));
    observer.observe(el, { childList: true, subtree: true, characterData: true, characterDataOldValue: true });
    change(el);
    await observed();
    records.push(...observer.takeRecords());
    observer.disconnect();
    el.remove();
    return records;
  }

  test('a wait counting up is a tick, whether the page replaces the text or edits it', async () => {
    expect(onlyWaitTextsTicked(await recordsOf('3分钟', (el) => (el.textContent = '4分钟')))).toBe(true);
    const edited = await recordsOf('59秒', (el) => {
      if (el.firstChild) el.firstChild.nodeValue = '1分钟';
    });
    expect(edited.length).toBeGreaterThan(0);
    expect(onlyWaitTextsTicked(edited)).toBe(true);
  });

  test('a wait that starts again, ends, or becomes a clock time is a change', async () => {
    expect(onlyWaitTextsTicked(await recordsOf('5分钟', (el) => (el.textContent = '3秒')))).toBe(false);
    expect(onlyWaitTextsTicked(await recordsOf('5分钟', (el) => (el.textContent = '14:32')))).toBe(false);
    expect(onlyWaitTextsTicked(await recordsOf('5分钟', (el) => (el.textContent = '')))).toBe(false);
    expect(onlyWaitTextsTicked(await recordsOf('5分钟', (el) => el.append(document.createElement('b'))))).toBe(false);
  });
});
