// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { HostAdapter } from '@/lib/adapters/types';
import { demoWorkbench, feige, pinduoduo } from '@/tests/unit/adapters';

function load(name: string): void {
  const html = readFileSync(resolve(import.meta.dirname, '../fixtures', name), 'utf8');
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
}

/** Records which element the adapter clicked (the fixtures' own scripts are not running here). */
function clickedBy(action: () => boolean): { done: boolean; target: Element | null } {
  let target: Element | null = null;
  const listener = (event: Event) => {
    target ??= event.target as Element;
  };
  document.addEventListener('click', listener, true);
  const done = action();
  document.removeEventListener('click', listener, true);
  return { done, target };
}

describe.each<[string, string, HostAdapter]>([
  ['workbench.html', 'demo workbench', demoWorkbench],
  ['feige-workspace.html', '飞鸽', feige],
  ['feige-fallback.html', '飞鸽 (fallback)', feige],
  ['pinduoduo-chat.html', '拼多多', pinduoduo],
  ['pinduoduo-fallback.html', '拼多多 (fallback)', pinduoduo],
])('openConversation on %s (%s)', (fixture, _label, adapter) => {
  test('clicks the row of every conversation the list reports, and nothing for an unknown id', () => {
    load(fixture);
    const rows = adapter.conversations(document);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const { done, target } = clickedBy(() => adapter.openConversation(document, row.id));
      expect(done).toBe(true);
      expect(target?.textContent).toContain(row.name);
    }
    expect(clickedBy(() => adapter.openConversation(document, 'no-such-buyer'))).toEqual({
      done: false,
      target: null,
    });
  });

  test('waiting rows carry a waiting time only when the page shows one', () => {
    load(fixture);
    for (const row of adapter.conversations(document)) {
      if (!row.waiting) expect(row.waitingSeconds).toBeUndefined();
      else if (row.waitingSeconds !== undefined) expect(row.waitingSeconds).toBeGreaterThanOrEqual(0);
    }
  });
});
