import { errorText } from '@/lib/i18n/errors';
import type { Language } from '@/lib/language';
import { BACKGROUND_REQUESTS } from '@/lib/messages/background-map';
import { parseEnvelope } from '@/lib/messages/envelope';

/** A request to the background as its dispatcher reads it: null when not ours, the checked payload otherwise. */
export function backgroundRequest(type: string, payload: unknown) {
  return parseEnvelope(BACKGROUND_REQUESTS, { huashu: 1, type, payload });
}

/** The words a person sees for the refusal `run` throws; throws itself when `run` refuses nothing. */
export function refusal(run: () => unknown, language: Language = 'zh'): string {
  try {
    run();
  } catch (error) {
    return errorText(error, language);
  }
  throw new Error('expected a refusal, but nothing was refused');
}

/** The same for an async refusal. */
export async function asyncRefusal(run: () => Promise<unknown>, language: Language = 'zh'): Promise<string> {
  try {
    await run();
  } catch (error) {
    return errorText(error, language);
  }
  throw new Error('expected a refusal, but nothing was refused');
}
