import type { IntentDefinition } from './define';
import { INTENT_IDS, type IntentId } from './ids';
import shipUrge from './ship-urge';

/** Every intent, in the order of INTENT_IDS; the registry test fails when an id has no file. */
export const INTENTS: readonly IntentDefinition[] = [shipUrge];

export function intentById(id: IntentId): IntentDefinition | undefined {
  return INTENTS.find((intent) => intent.id === id);
}

export { INTENT_IDS };
