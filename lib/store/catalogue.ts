import type { IntentId } from '@/lib/intents/ids';
import { ORDER_NODES } from '@/lib/orders/types';
import { CATALOGUE, type CatalogueEntry } from '@/lib/solutions/catalogue';
import type { Situation } from '@/lib/store/types';

/** The catalogue entry for one intent × situation, or undefined if the catalogue has none there. */
export function catalogueSlot(intent: IntentId, situation: Situation): CatalogueEntry | undefined {
  const catalogue = CATALOGUE[intent];
  if (situation === 'none') return catalogue.none;
  if (situation === 'any') return catalogue.anyOrder;
  return catalogue.nodes[situation];
}

/** The situations an intent's catalogue answers, in the order the options page lists them. */
export function situationsOf(intent: IntentId): Situation[] {
  const catalogue = CATALOGUE[intent];
  const nodes: Situation[] = ORDER_NODES.filter((node) => catalogue.nodes[node] !== undefined);
  if (catalogue.anyOrder) nodes.push('any');
  nodes.push('none');
  return nodes;
}

export function isSituation(value: unknown): value is Situation {
  return value === 'any' || value === 'none' || (ORDER_NODES as readonly unknown[]).includes(value);
}

export function slotKey(intent: IntentId, situation: Situation): string {
  return `${intent}/${situation}`;
}
