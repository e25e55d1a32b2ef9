import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatShopTime,
  formatShopTimeFrom,
  formatTimeLeft,
  nextDispatchTime,
  orderNode,
  parseShopTime,
} from '@/lib/orders/node';
import { ORDER_STATUS_LABELS, type Order, type OrderNode } from '@/lib/orders/types';

const SHIP_BY = '2024-11-25T18:00:00+08:00';
const BEFORE = new Date('2024-11-25T09:59:00Z'); // 17:59 Shanghai
const AT = new Date('2024-11-25T10:00:00Z'); // 18:00 Shanghai
const AFTER = new Date('2024-11-25T10:00:00.001Z');

const order = (fields: Partial<Order>): Order => ({ id: '6921847302918374651', ...fields });

// The agent's computer may be set to any zone; the shop's times are Shanghai's.
let savedTimeZone: string | undefined;
beforeEach(() => {
  savedTimeZone = process.env.TZ;
  process.env.TZ = 'America/New_York';
});
afterEach(() => {
  if (savedTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedTimeZone;
});

describe('orderNode', () => {
  const statusTable: [string, OrderNode][] = [
    ['待支付', 'unpaid'],
    ['待发货', 'awaiting_shipment'],
    ['已发货', 'shipped'],
    ['运输中', 'in_transit'],
    ['已签收', 'delivered'],
    ['售后中', 'after_sale'],
    ['已关闭', 'closed'],
  ];

  it.each(statusTable)('maps %s to %s', (status, node) => {
    expect(orderNode(order({ status, promiseShipBy: SHIP_BY }), BEFORE)).toBe(node);
  });

  it('covers every status label the workbench shows', () => {
    expect(statusTable.map(([status]) => status).sort()).toEqual([...ORDER_STATUS_LABELS].sort());
  });

  it('counts exactly the promised time as on time, and one millisecond later as overdue', () => {
    const awaiting = order({ status: '待发货', promiseShipBy: SHIP_BY });
    expect(orderNode(awaiting, BEFORE)).toBe('awaiting_shipment');
    expect(orderNode(awaiting, AT)).toBe('awaiting_shipment');
    expect(orderNode(awaiting, AFTER)).toBe('overdue');
  });

  it.each([
    ['with a +08:00 offset', '2024-11-25T18:00:00+08:00'],
    ['in UTC', '2024-11-25T10:00:00Z'],
    ['without an offset (Shanghai local time)', '2024-11-25T18:00:00'],
    ['without an offset, space separated, minutes only', '2024-11-25 18:00'],
  ])('reads a promised time %s as the same instant', (_label, promiseShipBy) => {
    const awaiting = order({ status: '待发货', promiseShipBy });
    expect(orderNode(awaiting, AT)).toBe('awaiting_shipment');
    expect(orderNode(awaiting, AFTER)).toBe('overdue');
  });

  it('only overdue applies to unshipped orders: a shipped order past its promise is shipped', () => {
    expect(orderNode(order({ status: '已发货', promiseShipBy: SHIP_BY }), AFTER)).toBe('shipped');
  });

  it.each([
    ['no status', {}, null],
    ['a blank status', { status: '  ' }, null],
    ['an unknown status', { status: '部分发货' }, null],
    ['a status with stray spaces', { status: ' 运输中 ' }, 'in_transit'],
    ['待发货 without a promised time', { status: '待发货' }, 'awaiting_shipment'],
    ['待发货 with an unreadable promised time', { status: '待发货', promiseShipBy: '尽快' }, 'awaiting_shipment'],
  ] as [string, Partial<Order>, OrderNode | null][])('handles %s', (_label, fields, node) => {
    expect(orderNode(order(fields), AFTER)).toBe(node);
  });
});

describe('parseShopTime', () => {
  it('reads a bare date as Shanghai midnight', () => {
    expect(parseShopTime('2024-11-25')?.toISOString()).toBe('2024-11-24T16:00:00.000Z');
  });

  it.each([undefined, '', '  ', 'not a time', '2024-13-45T99:00:00'])('returns null for %j', (text) => {
    expect(parseShopTime(text)).toBeNull();
  });
});

describe('time formatting in Asia/Shanghai', () => {
  it('formats an instant as the shop sees it, whatever the computer zone', () => {
    expect(formatShopTime(AT)).toBe('11月25日 18:00');
    expect(formatShopTime(new Date('2024-12-31T16:05:00Z'))).toBe('1月1日 00:05');
  });

  it('names today and tomorrow by the Shanghai calendar', () => {
    const lateEvening = new Date('2024-11-25T15:30:00Z'); // 23:30 Shanghai, still the 25th
    expect(formatShopTimeFrom(new Date('2024-11-25T15:50:00Z'), lateEvening)).toBe('今天 23:50');
    expect(formatShopTimeFrom(new Date('2024-11-26T10:00:00Z'), lateEvening)).toBe('明天 18:00');
    expect(formatShopTimeFrom(new Date('2024-11-27T10:00:00Z'), lateEvening)).toBe('11月27日 18:00');
  });

  it.each([
    [0, '不到1分钟'],
    [59_999, '不到1分钟'],
    [60_000, '1分'],
    [2 * 3_600_000, '2小时'],
    [3 * 3_600_000 + 20 * 60_000 + 59_000, '3小时20分'],
    [27 * 3_600_000 + 5 * 60_000, '1天3小时'],
    [48 * 3_600_000, '2天'],
    [-5, '不到1分钟'],
  ])('formats a duration of %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('writes times and durations in English for an English agent, still on the shop’s clock', () => {
    expect(formatShopTime(AT, 'en')).toBe('Nov 25, 18:00');
    const lateEvening = new Date('2024-11-25T15:30:00Z');
    expect(formatShopTimeFrom(new Date('2024-11-26T10:00:00Z'), lateEvening, 'en')).toBe('tomorrow 18:00');
    expect(formatDuration(3 * 3_600_000 + 20 * 60_000, 'en')).toBe('3 hr 20 min');
    expect(formatDuration(27 * 3_600_000, 'en')).toBe('1 day 3 hr');
    expect(formatDuration(30_000, 'en')).toBe('under 1 min');
  });

  it('says how long is left, or how late it is', () => {
    const deadline = new Date(SHIP_BY);
    expect(formatTimeLeft(deadline, new Date('2024-11-25T06:40:00Z'))).toBe('还剩 3小时20分');
    expect(formatTimeLeft(deadline, AT)).toBe('还剩 不到1分钟');
    expect(formatTimeLeft(deadline, new Date('2024-11-25T12:00:00Z'))).toBe('已超时 2小时');
  });
});

describe('nextDispatchTime', () => {
  const next = (now: string) => nextDispatchTime(new Date(now), 18, 4).toISOString();

  it('is today 18:00 when that leaves at least the lead time', () => {
    expect(next('2024-11-25T06:00:00Z')).toBe('2024-11-25T10:00:00.000Z'); // 14:00 → 18:00
  });

  it('is tomorrow 18:00 when today is too close or past', () => {
    expect(next('2024-11-25T06:00:01Z')).toBe('2024-11-26T10:00:00.000Z'); // 14:00:01
    expect(next('2024-11-25T12:00:00Z')).toBe('2024-11-26T10:00:00.000Z'); // 20:00
  });

  it('follows the Shanghai date across UTC midnight', () => {
    expect(next('2024-11-25T17:00:00Z')).toBe('2024-11-26T10:00:00.000Z'); // 01:00 on the 26th
  });
});
