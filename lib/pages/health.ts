/**
 * Turns an adapter's health check into what the agent needs to hear: which parts of the page
 * Huashu could not find, and what still works without them. Pure: no DOM, no browser.
 */
import { pageCheckStrings } from '@/lib/i18n/page-check';
import type { Language } from '@/lib/language';

/** The parts of a host page Huashu relies on; the health check reports each one. */
export const HEALTH_PARTS = ['conversations', 'messages', 'input', 'send', 'orders'] as const;
type HealthPart = (typeof HEALTH_PARTS)[number];

/**
 * Which parts an adapter found on the page as it is now:
 * - conversations: the conversation list's rows;
 * - messages: the open conversation can be identified and at least one buyer or agent message read;
 * - input: the composer Huashu writes replies into;
 * - send: the page's own send control;
 * - orders: at least one order read from the order panel, or the panel plainly shows the buyer has
 *   none. Orders are never guessed: an adapter that cannot read them returns [] and reports false.
 */
export type AdapterHealth = Record<HealthPart, boolean>;

/** What Huashu can do on the page, each from the parts it needs. */
interface HealthFeatures {
  /** Suggestions for new buyer messages: needs the messages. */
  suggest: boolean;
  /** Suggestions that use the buyer's order: needs the messages and the orders. */
  orderAware: boolean;
  /** 复制: putting a reply into the composer; needs the input. */
  copy: boolean;
  /** 发送: needs the input, the send control, and the messages to confirm the message went out. */
  send: boolean;
}

export interface HealthSummary {
  /** Every part was found. */
  ok: boolean;
  /** The parts not found, in HEALTH_PARTS order. */
  missing: HealthPart[];
  features: HealthFeatures;
  /** One or two short sentences: what is missing and what still works. */
  text: string;
  /** For the toolbar icon: '' when all is well, '!' when some parts are missing, '×' when nothing works. */
  badge: '' | '!' | '×';
}

function healthFeatures(health: AdapterHealth): HealthFeatures {
  return {
    suggest: health.messages,
    orderAware: health.messages && health.orders,
    copy: health.input,
    send: health.input && health.send && health.messages,
  };
}

/** The agent-facing summary of a health check, in the UI language (zh by default). */
export function summarizeHealth(health: AdapterHealth, language: Language = 'zh'): HealthSummary {
  const text = pageCheckStrings(language);
  const missing = HEALTH_PARTS.filter((part) => !health[part]);
  const features = healthFeatures(health);
  if (missing.length === 0) return { ok: true, missing, features, text: text.ok, badge: '' };

  const working = (
    [
      features.suggest ? (features.orderAware ? text.suggest : text.suggestWithoutOrders) : null,
      features.copy ? text.copy : null,
      features.send ? text.send : null,
    ] as (string | null)[]
  ).filter((feature): feature is string => feature !== null);
  const missingText = text.missing(missing.map((part) => text.parts[part]));
  if (working.length === 0)
    return { ok: false, missing, features, text: `${missingText}${text.gap}${text.nothing}`, badge: '×' };
  const onlyList = missing.length === 1 && missing[0] === 'conversations';
  return {
    ok: false,
    missing,
    features,
    text: `${missingText}${text.gap}${onlyList ? text.listOnly : text.works(working)}`,
    badge: '!',
  };
}

/**
 * What the popup should say in place of "该买家暂无订单" when the page's orders could not be read:
 * no orders read is then not the same as a buyer without orders. Null when the orders were read.
 */
export function orderNotice(health: AdapterHealth, language: Language = 'zh'): string | null {
  return health.orders ? null : pageCheckStrings(language).orderNotice;
}
