import { en as popupEn, zh as popupZh } from '@/lib/i18n/popup';
import { solutionStrings } from '@/lib/i18n/solution';
import type { Language } from '@/lib/language';
import { PREDICTION_CARD_TEXT } from '@/lib/orders/prediction-card';
import type { Localized } from '@/lib/solutions/localized';
import { type RenderContext, renderTemplate } from '@/lib/solutions/render';
import type { ActionId, SuggestedAction } from '@/lib/solutions/types';

export interface ActionDefinition {
  label: Localized;
  /** What the adapter does with it, for the options page and docs. */
  description: Localized;
  /** What the order must have for the action to make sense. */
  needs: 'order' | 'trackingNo';
  /**
   * Text sent or copied, tried in order: the first that fills wins. Absent when the adapter
   * needs only the order id (it sends the platform's own card).
   */
  payloads?: readonly string[];
}

export const ACTIONS: Record<ActionId, ActionDefinition> = {
  send_order_card: {
    label: { zh: '发送订单卡片', en: 'Send order card' },
    description: { zh: '在会话中发送该订单的卡片', en: "Sends the order's card into the chat" },
    needs: 'order',
  },
  send_logistics: {
    label: { zh: '发送物流信息', en: 'Send tracking info' },
    description: { zh: '在会话中发送快递公司和运单号', en: 'Sends the courier and tracking number into the chat' },
    needs: 'trackingNo',
    payloads: [
      '亲，您的包裹由{快递公司}配送，运单号{运单号}，您可以在订单详情里查看实时物流哦~',
      '亲，您的包裹运单号是{运单号}，您可以在订单详情里查看实时物流哦~',
    ],
  },
  copy_tracking_no: {
    label: { zh: '复制运单号', en: 'Copy tracking number' },
    description: { zh: '把运单号复制到剪贴板', en: 'Copies the tracking number to the clipboard' },
    needs: 'trackingNo',
    payloads: ['{运单号}'],
  },
  open_order: {
    label: { zh: '查看订单', en: 'Open order' },
    description: { zh: '在订单面板中打开该订单', en: 'Opens the order in the order panel' },
    needs: 'order',
  },
  // Offered by the chat page itself, never by a catalogue entry: when the shop's setting is 先问客服 and the
  // card's rules hold (lib/orders/prediction-card.ts).
  send_prediction_card: {
    // The popup's own words (the chat page builds this action itself, without this module).
    label: { zh: popupZh.predictionCardAction, en: popupEn.predictionCardAction },
    description: {
      zh: '发送“亲，请问您咨询的是这个订单吗？”和预判订单的卡片',
      en: 'Sends “亲，请问您咨询的是这个订单吗？” with the predicted order’s card',
    },
    needs: 'order',
    payloads: [PREDICTION_CARD_TEXT],
  },
};

/**
 * The action as the popup shows it: enabled with its payload filled, or disabled with the reason.
 * The page's support is checked first: if the page can't do it, the order doesn't matter.
 */
export function buildAction(
  id: ActionId,
  context: RenderContext,
  capabilities: readonly ActionId[],
  lang: Language,
): SuggestedAction {
  const definition = ACTIONS[id];
  const order = context.order;
  const base = { id, label: definition.label[lang], ...(order ? { orderId: order.id } : {}) };
  const reasons = solutionStrings(lang).actionDisabled;
  const disabled = (reason: string): SuggestedAction => ({ ...base, enabled: false, disabledReason: reason });

  if (!capabilities.includes(id)) return disabled(reasons.unsupported);
  if (!order) return disabled(reasons.noOrder);
  if (definition.needs === 'trackingNo' && !order.trackingNo?.trim()) return disabled(reasons.noTrackingNo);
  if (!definition.payloads) return { ...base, enabled: true };

  const payload = firstFilled(definition.payloads, context);
  return payload === undefined ? disabled(reasons.noTrackingNo) : { ...base, enabled: true, payload };
}

function firstFilled(templates: readonly string[], context: RenderContext): string | undefined {
  for (const template of templates) {
    const rendered = renderTemplate(template, context);
    if (rendered.ok) return rendered.text;
  }
  return undefined;
}
