import type { Language } from '@/lib/language';
import { formatDuration, formatShopTime, formatShopTimeFrom, nextDispatchTime, parseShopTime } from '@/lib/orders/node';
import type { Order } from '@/lib/orders/types';
import { DISPATCH_CUTOFF_HOUR, DISPATCH_LEAD_HOURS, type SolutionSettings } from '@/lib/solutions/defaults';
import type { Localized } from '@/lib/solutions/localized';
import type { SuggestedReply } from '@/lib/solutions/types';

/** What variables are filled from: the order, the buyer, the clock and the shop's settings. */
export interface RenderContext {
  order: Order | null;
  buyerName?: string;
  now: Date;
  settings: SolutionSettings;
}

export interface VariableDefinition {
  /** As written in a reply, without braces: {订单号} → '订单号'. */
  name: string;
  description: Localized;
  /** `text` is the language of the text being written: Chinese for replies, the UI's for agent notices. */
  value: (context: RenderContext, text: Language) => string | undefined;
  /** Used when there is no value; without one, a reply using the variable is left out. */
  fallback?: string;
  /** Why a reply was left out when the variable has no value and no fallback. */
  missing: Localized;
}

const shipBy = (context: RenderContext) => parseShopTime(context.order?.promiseShipBy);
const msUntilShipBy = (context: RenderContext) => {
  const deadline = shipBy(context);
  return deadline ? deadline.getTime() - context.now.getTime() : undefined;
};

export const VARIABLES: readonly VariableDefinition[] = [
  {
    name: '买家昵称',
    description: { zh: '买家昵称', en: "Buyer's nickname" },
    value: (context) => context.buyerName,
    fallback: '亲',
    missing: { zh: '缺少买家昵称', en: "Buyer's nickname unknown" },
  },
  {
    name: '订单号',
    description: { zh: '订单编号', en: 'Order number' },
    value: (context) => context.order?.id,
    missing: { zh: '缺少订单号', en: 'No order number' },
  },
  {
    name: '商品',
    description: { zh: '商品名称', en: 'Product name' },
    value: (context) => context.order?.product,
    fallback: '宝贝',
    missing: { zh: '缺少商品名称', en: 'No product name' },
  },
  {
    name: '订单金额',
    description: { zh: '实付金额，如 ¥89.00', en: 'Amount paid, e.g. ¥89.00' },
    value: (context) => context.order?.amount,
    missing: { zh: '缺少订单金额', en: 'No order amount' },
  },
  {
    name: '付款时间',
    description: { zh: '付款时间，如 11月25日 18:00', en: 'Paid at, e.g. 11月25日 18:00' },
    value: (context, text) => {
      const paidAt = parseShopTime(context.order?.paidAt);
      return paidAt ? formatShopTime(paidAt, text) : undefined;
    },
    missing: { zh: '缺少付款时间', en: 'No payment time' },
  },
  {
    name: '承诺发货时间',
    description: { zh: '承诺发货时间，如 11月25日 18:00', en: 'Promised ship-by time, e.g. 11月25日 18:00' },
    value: (context, text) => {
      const deadline = shipBy(context);
      return deadline ? formatShopTime(deadline, text) : undefined;
    },
    missing: { zh: '缺少承诺发货时间', en: 'No promised ship-by time' },
  },
  {
    name: '剩余时间',
    description: { zh: '距承诺发货时间还剩多久，如 3小时20分', en: 'Time left until ship-by, e.g. 3小时20分' },
    value: (context, text) => {
      const left = msUntilShipBy(context);
      return left !== undefined && left >= 0 ? formatDuration(left, text) : undefined;
    },
    missing: { zh: '承诺发货时间未知或已过', en: 'Ship-by time unknown or passed' },
  },
  {
    name: '超时时长',
    description: { zh: '已超过承诺发货时间多久，如 2小时', en: 'How long past ship-by, e.g. 2小时' },
    value: (context, text) => {
      const left = msUntilShipBy(context);
      return left !== undefined && left < 0 ? formatDuration(-left, text) : undefined;
    },
    missing: { zh: '订单未超时', en: 'Order is not late' },
  },
  {
    name: '新发货时间',
    description: {
      zh: '给超时订单的新发货时间（下一个 18:00，至少留 4 小时）',
      en: 'New ship time for a late order (next 18:00 at least 4 hours away)',
    },
    value: (context, text) =>
      formatShopTimeFrom(nextDispatchTime(context.now, DISPATCH_CUTOFF_HOUR, DISPATCH_LEAD_HOURS), context.now, text),
    missing: { zh: '缺少新发货时间', en: 'No new ship time' },
  },
  {
    name: '快递公司',
    description: { zh: '承运快递公司', en: 'Courier' },
    value: (context) => context.order?.courier,
    missing: { zh: '缺少快递公司', en: 'No courier' },
  },
  {
    name: '运单号',
    description: { zh: '快递运单号', en: 'Tracking number' },
    value: (context) => context.order?.trackingNo,
    missing: { zh: '缺少运单号', en: 'No tracking number' },
  },
  {
    name: '补偿金额',
    description: { zh: '超时发货平台补偿金额（元）', en: 'Late-shipment compensation (yuan)' },
    value: (context) => String(context.settings.lateShipCompensationYuan),
    missing: { zh: '缺少补偿金额', en: 'No compensation amount' },
  },
];

/** Every variable a reply may use; the options page validates shop replies against it. */
export const KNOWN_VARIABLES: readonly string[] = VARIABLES.map((variable) => variable.name);

const VARIABLE_BY_NAME = new Map(VARIABLES.map((variable) => [variable.name, variable]));
const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The variable names a template uses, in order of appearance (duplicates kept out). */
export function templateVariables(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (match) => match[1]))];
}

export type RenderResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Fills a template's variables. Fails, with the reason for the agent, when a variable is unknown,
 * has no value and no fallback, or the braces don't pair up; so the text a buyer gets never shows
 * braces or "undefined". `lang` is the agent's UI language, for the reasons; `text` is the language the
 * template is written in: Chinese for a buyer's reply, the UI's for an agent notice, so times read right in each.
 */
export function renderTemplate(
  template: string,
  context: RenderContext,
  lang: Language = 'zh',
  text: Language = 'zh',
): RenderResult {
  let failure: string | undefined;
  const filled = template.replace(PLACEHOLDER, (_placeholder, name: string) => {
    const variable = VARIABLE_BY_NAME.get(name);
    if (!variable) {
      failure ??= lang === 'zh' ? `未知变量「${name}」` : `Unknown variable "${name}"`;
      return '';
    }
    const value = cleanValue(variable.value(context, text)) ?? variable.fallback;
    if (value === undefined) failure ??= variable.missing[lang];
    return value ?? '';
  });
  if (failure) return { ok: false, reason: failure };
  if (/[{}]/.test(filled)) {
    return { ok: false, reason: lang === 'zh' ? '花括号不成对' : 'Unpaired braces' };
  }
  return { ok: true, text: filled };
}

/**
 * A value read from a page is trusted only as text: blanks and the words an upstream bug leaves
 * ("undefined", "null") count as missing, and braces become full-width so they can't look like variables.
 */
function cleanValue(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text || text === 'undefined' || text === 'null') return undefined;
  return text.replace(/\{/g, '｛').replace(/\}/g, '｝');
}

export interface ReplyTemplate {
  /** Stable: shop overrides refer to it. */
  id: string;
  text: string;
  /** Who wrote the text: the catalogue as shipped, or the shop (an edit, an own reply, a keyword rule). */
  source?: SuggestedReply['source'];
}

export interface RenderedReplies {
  replies: SuggestedReply[];
  omitted: { replyId: string; reason: string }[];
}

/** Renders each template; those that can't be filled are reported in `omitted` instead. */
export function renderReplies(
  templates: readonly ReplyTemplate[],
  context: RenderContext,
  lang: Language = 'zh',
): RenderedReplies {
  const result: RenderedReplies = { replies: [], omitted: [] };
  for (const template of templates) {
    const rendered = renderTemplate(template.text, context, lang);
    if (rendered.ok)
      result.replies.push({ id: template.id, text: rendered.text, source: template.source ?? 'official' });
    else result.omitted.push({ replyId: template.id, reason: rendered.reason });
  }
  return result;
}
