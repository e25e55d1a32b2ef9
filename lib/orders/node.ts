import type { Language } from '@/lib/language';
import type { Order, OrderNode } from '@/lib/orders/types';

/** Merchant workbenches show order times in China's time zone, whatever the agent's computer is set to. */
const SHOP_TIME_ZONE = 'Asia/Shanghai';
const SHANGHAI_OFFSET = '+08:00';

const NODE_BY_STATUS: Record<string, OrderNode> = {
  待支付: 'unpaid',
  已发货: 'shipped',
  运输中: 'in_transit',
  已签收: 'delivered',
  售后中: 'after_sale',
  已关闭: 'closed',
};
const AWAITING_SHIPMENT_STATUS = '待发货';

/**
 * Where the order stands at `now`. An unshipped order is overdue only strictly after its promised
 * ship-by time: exactly at that time it is still on time. Unknown or missing status → null,
 * so the caller falls back to a general answer rather than guessing.
 */
export function orderNode(order: Order, now: Date): OrderNode | null {
  const status = order.status?.trim();
  if (!status) return null;
  if (status === AWAITING_SHIPMENT_STATUS) {
    const shipBy = parseShopTime(order.promiseShipBy);
    return shipBy && now.getTime() > shipBy.getTime() ? 'overdue' : 'awaiting_shipment';
  }
  return NODE_BY_STATUS[status] ?? null;
}

/**
 * Parses an ISO 8601 time from the page. A time without an offset is the shop's local time
 * (Asia/Shanghai), not the agent's computer's, which is how `new Date()` would read it.
 * Returns null for missing or unparseable text.
 */
export function parseShopTime(iso: string | undefined): Date | null {
  const text = iso?.trim();
  if (!text) return null;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const withoutOffset = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text);
  const normalised = dateOnly
    ? `${text}T00:00:00${SHANGHAI_OFFSET}`
    : withoutOffset
      ? `${text.replace(' ', 'T')}${SHANGHAI_OFFSET}`
      : text;
  const date = new Date(normalised);
  return Number.isNaN(date.getTime()) ? null : date;
}

const shanghaiParts = new Intl.DateTimeFormat('en-US', {
  timeZone: SHOP_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface ShopClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function shopClock(date: Date): ShopClock {
  const parts = Object.fromEntries(shanghaiParts.formatToParts(date).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** An English agent reads "Nov 25, 18:00"; the shop's clock all the same. */
const englishShopTime = new Intl.DateTimeFormat('en-US', {
  timeZone: SHOP_TIME_ZONE,
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * "11月25日 18:00" in Shanghai time; "Nov 25, 18:00" for an English agent. Text for the buyer is always
 * Chinese, so only agent-facing notices pass `lang`.
 */
export function formatShopTime(date: Date, lang: Language = 'zh'): string {
  if (lang === 'en') return englishShopTime.format(date);
  const clock = shopClock(date);
  return `${clock.month}月${clock.day}日 ${pad(clock.hour)}:${pad(clock.minute)}`;
}

/** "今天 18:00", "明天 18:00", else "11月27日 18:00": how an agent names a time close to now. */
export function formatShopTimeFrom(date: Date, now: Date, lang: Language = 'zh'): string {
  const dayGap = shopDayNumber(date) - shopDayNumber(now);
  const clock = shopClock(date);
  const time = `${pad(clock.hour)}:${pad(clock.minute)}`;
  if (dayGap === 0) return lang === 'en' ? `today ${time}` : `今天 ${time}`;
  if (dayGap === 1) return lang === 'en' ? `tomorrow ${time}` : `明天 ${time}`;
  return formatShopTime(date, lang);
}

/** Days since the epoch in Shanghai's calendar, so "today" and "tomorrow" follow the shop's midnight. */
function shopDayNumber(date: Date): number {
  const clock = shopClock(date);
  return Date.UTC(clock.year, clock.month - 1, clock.day) / 86_400_000;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const englishUnit = (unit: 'day' | 'hour' | 'minute') =>
  new Intl.NumberFormat('en', { style: 'unit', unit, unitDisplay: 'short' });
const ENGLISH_UNITS = { day: englishUnit('day'), hour: englishUnit('hour'), minute: englishUnit('minute') };

/**
 * A duration as an agent says it: "1天3小时" above a day (minutes no longer matter),
 * "3小时20分" or "20分" below, "不到1分钟" under a minute; in English "1 day 3 hr", "3 hr 20 min",
 * "under 1 min". Rounds down so a promise is never overstated.
 */
export function formatDuration(ms: number, lang: Language = 'zh'): string {
  const total = Math.max(0, ms);
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  if (lang === 'en') {
    if (total < MINUTE) return `under ${ENGLISH_UNITS.minute.format(1)}`;
    const parts =
      days > 0
        ? [ENGLISH_UNITS.day.format(days), hours > 0 ? ENGLISH_UNITS.hour.format(hours) : '']
        : [hours > 0 ? ENGLISH_UNITS.hour.format(hours) : '', minutes > 0 ? ENGLISH_UNITS.minute.format(minutes) : ''];
    return parts.filter(Boolean).join(' ');
  }
  if (total < MINUTE) return '不到1分钟';
  if (days > 0) return `${days}天${hours > 0 ? `${hours}小时` : ''}`;
  if (hours > 0) return `${hours}小时${minutes > 0 ? `${minutes}分` : ''}`;
  return `${minutes}分`;
}

/** "还剩 3小时20分" before the deadline (and exactly at it), "已超时 2小时" after. */
export function formatTimeLeft(deadline: Date, now: Date): string {
  const left = deadline.getTime() - now.getTime();
  return left >= 0 ? `还剩 ${formatDuration(left)}` : `已超时 ${formatDuration(-left)}`;
}

/**
 * The next daily dispatch cutoff (`hour`:00 Shanghai) at least `leadHours` away: a concrete time an
 * agent can give a buyer whose order is late, leaving the warehouse room to actually make it.
 */
export function nextDispatchTime(now: Date, hour: number, leadHours: number): Date {
  const clock = shopClock(now);
  const todayAtCutoff = new Date(
    `${clock.year}-${pad(clock.month)}-${pad(clock.day)}T${pad(hour)}:00:00${SHANGHAI_OFFSET}`,
  );
  let candidate = todayAtCutoff;
  while (candidate.getTime() - now.getTime() < leadHours * HOUR) {
    candidate = new Date(candidate.getTime() + DAY);
  }
  return candidate;
}
