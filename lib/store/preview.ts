/**
 * What the options page shows for a reply: the text filled from a sample order, with each variable's value
 * marked so the admin sees exactly which parts change per buyer.
 */

import type { Language } from '@/lib/language';
import type { Order, OrderNode } from '@/lib/orders/types';
import { type RenderContext, VARIABLES } from '@/lib/solutions/render';
import type { Situation } from '@/lib/store/types';

export interface PreviewSegment {
  text: string;
  /** The variable this text came from. */
  variable?: string;
  /** The variable has no value for this sample: the reply would be left out for such a buyer. */
  missing?: string;
  /** Not a known variable. */
  unknown?: boolean;
}

const HOUR = 3_600_000;

const STATUS: Record<OrderNode, string> = {
  unpaid: '待支付',
  awaiting_shipment: '待发货',
  overdue: '待发货',
  shipped: '已发货',
  in_transit: '运输中',
  delivered: '已签收',
  after_sale: '售后中',
  closed: '已关闭',
};

/** A plausible buyer and order in the given situation, relative to `now`. */
export function sampleContext(situation: Situation, now: Date, lateShipCompensationYuan: number): RenderContext {
  const settings = { lateShipCompensationYuan };
  if (situation === 'none') return { order: null, buyerName: '橙子不酸', now, settings };
  const node: OrderNode = situation === 'any' ? 'awaiting_shipment' : situation;
  const shippedAlready = ['shipped', 'in_transit', 'delivered', 'after_sale'].includes(node);
  const order: Order = {
    id: '6921847302918374651',
    product: '法式碎花雪纺连衣裙',
    amount: '¥129.00',
    status: STATUS[node],
    paidAt: node === 'unpaid' ? undefined : new Date(now.getTime() - 20 * HOUR).toISOString(),
    promiseShipBy: new Date(now.getTime() + (node === 'overdue' ? -2 : shippedAlready ? -12 : 4) * HOUR).toISOString(),
    courier: shippedAlready ? '中通快递' : undefined,
    trackingNo: shippedAlready ? '78452036917263' : undefined,
  };
  return { order, buyerName: '橙子不酸', now, settings };
}

const BY_NAME = new Map(VARIABLES.map((variable) => [variable.name, variable]));

/** Splits a template into literal text and filled variables. */
export function previewSegments(template: string, context: RenderContext, lang: Language): PreviewSegment[] {
  const segments: PreviewSegment[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
    const index = match.index ?? 0;
    if (index > last) segments.push({ text: template.slice(last, index) });
    const variable = BY_NAME.get(match[1]);
    if (!variable) {
      segments.push({ text: match[0], variable: match[1], unknown: true });
    } else {
      // Replies go to the buyer, so their times and durations preview in Chinese whatever the UI language.
      const value = variable.value(context, 'zh')?.trim() || variable.fallback;
      segments.push(
        value === undefined
          ? { text: match[0], variable: variable.name, missing: variable.missing[lang] }
          : { text: value, variable: variable.name },
      );
    }
    last = index + match[0].length;
  }
  if (last < template.length) segments.push({ text: template.slice(last) });
  return segments;
}
