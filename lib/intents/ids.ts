/** Stable intent ids: stored replies, stats and tools refer to them, so never rename one. */
export const INTENT_IDS = [
  'ship_urge',
  'logistics',
  'change_address',
  'cancel_order',
  'refund_return',
  'refund_progress',
  'courier_choice',
  'invoice',
  'discount',
  'quality_issue',
  'size_spec',
  'escalation',
] as const;

export type IntentId = (typeof INTENT_IDS)[number];

export function isIntentId(value: unknown): value is IntentId {
  return typeof value === 'string' && (INTENT_IDS as readonly string[]).includes(value);
}
