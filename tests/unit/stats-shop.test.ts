import * as v from 'valibot';
import { expect, test } from 'vitest';
import { emptyRow } from '@/lib/stats/aggregate';
import { StatsPushSchema } from '@/lib/stats/row-schema';
import { fingerprint, PUSH_DAYS, pushedRow, rowsToPush } from '@/lib/stats/shop';

const NOW = new Date(2026, 10, 29, 12).getTime();

test('a push carries the last days whole, without the local browser id, in the shape the server accepts', () => {
  const recent = { ...emptyRow('2026-11-29', 'ship_urge', 'browser-1'), shown: 4, copied: 1 };
  const buyers = { ...emptyRow('2026-11-28', '', 'browser-1'), buyerMessages: 3, answeredIn3m: 2, answered: 2 };
  const old = { ...emptyRow('2026-08-01', 'ship_urge', 'browser-1'), shown: 9 };
  const rows = rowsToPush([recent, old, buyers], NOW).map(pushedRow);
  expect(rows.map((row) => [row.day, row.intent, row.shown, row.buyerMessages])).toEqual([
    ['2026-11-28', '', 0, 3],
    ['2026-11-29', 'ship_urge', 4, 0],
  ]);
  expect(rows[0]).not.toHaveProperty('agent');
  expect(rows[0]).not.toHaveProperty('key');
  expect(v.safeParse(StatsPushSchema, { rows }).success).toBe(true);
});

test('after a push, only the rows that changed since go again', () => {
  const today = { ...emptyRow('2026-11-29', 'ship_urge', 'browser-1'), shown: 4 };
  const yesterday = { ...emptyRow('2026-11-28', 'ship_urge', 'browser-1'), shown: 7 };
  const pushed = new Map([today, yesterday].map((row) => [row.key, fingerprint(row)]));
  expect(rowsToPush([today, yesterday], NOW, pushed)).toEqual([]);
  const later = { ...today, shown: 5, sent: 1 };
  expect(rowsToPush([later, yesterday], NOW, pushed)).toEqual([later]);
});

test('a day just inside the window is pushed, the one before it is not', () => {
  const day = (back: number) => {
    const date = new Date(NOW - back * 24 * 3600 * 1000);
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  };
  const rows = rowsToPush(
    [emptyRow(day(PUSH_DAYS), 'ship_urge', 'b'), emptyRow(day(PUSH_DAYS + 1), 'ship_urge', 'b')],
    NOW,
  );
  expect(rows.map((row) => row.day)).toEqual([day(PUSH_DAYS)]);
});
