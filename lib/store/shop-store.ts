/**
 * The shop's replies, rules and settings, held by the background. Reads come from an in-memory snapshot,
 * so a buyer message never waits on IndexedDB; every write is validated, runs in one transaction, and the
 * snapshot is reloaded from the database only after the transaction commits: nothing half-written is kept.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import * as v from 'valibot';
import type { IntentId } from '@/lib/intents/ids';
import { CodedError } from '@/lib/messages/errors';
import { refusal } from '@/lib/messages/problems';
import { parseSelectorOverrides, type SelectorOverrides, storedSelectorOverrides } from '@/lib/pages/overrides';
import { DEFAULT_SETTINGS, isPredictionCardMode, type Settings, upgradePredictionCard } from '@/lib/settings';
import { SettingsPatchSchema } from '@/lib/settings-schema';
import { catalogueSlot, slotKey } from '@/lib/store/catalogue';
import { openShopDb, type RuleRecord, type SelectorRecord, type ShopDb, type SlotRecord } from '@/lib/store/db';
import { type ManagedPolicy, readManagedValue } from '@/lib/store/managed';
import { effectiveSlot, intentState, managedSettingKeys, ownRepliesLeft } from '@/lib/store/overlay';
import { toPack } from '@/lib/store/pack';
import {
  EMPTY_SNAPSHOT,
  type IntentHits,
  MAX_OWN_REPLIES,
  MAX_RULES,
  type ReplyPack,
  type ShopData,
  type ShopSnapshot,
  type Situation,
} from '@/lib/store/types';
import { assertNoProblem, keywordsProblem, replyTextProblem } from '@/lib/store/validate';

export interface ShopStoreOptions {
  factory?: IDBFactory;
  dbName?: string;
  /** Reads the managed policy's values (undefined when there is none). */
  readManaged?: () => Promise<ManagedPolicy | undefined>;
  /** Hit counts are written at most this often. */
  hitFlushMs?: number;
  newId?: () => string;
  now?: () => Date;
  /** Told when each step of opening is done, so a worker's cold start can be measured. */
  onStep?: (step: 'databaseOpen' | 'snapshotRead') => void;
}

export interface RuleInput {
  id?: string;
  keywords: string[];
  reply: string;
  enabled: boolean;
}

export type SettingsInput = Partial<Settings>;

export type ShopStore = Awaited<ReturnType<typeof createShopStore>>;

/** Every store a whole library is written to: by a pack import, or by the shop server's copy replacing the local one. */
const LIBRARY_STORES = ['slots', 'intents', 'rules', 'settings', 'selectors'] as const;

/** Replaces the stored replies, switched-off intents and keyword rules with `data`'s, inside the caller's transaction. */
async function putLibraryLists(
  tx: IDBPTransaction<ShopDb, typeof LIBRARY_STORES, 'readwrite'>,
  data: Pick<ShopData, 'slots' | 'disabledIntents' | 'rules'>,
  stamp: number,
) {
  await Promise.all([
    tx.objectStore('slots').clear(),
    tx.objectStore('intents').clear(),
    tx.objectStore('rules').clear(),
  ]);
  await Promise.all([
    ...data.slots.map((slot) =>
      tx.objectStore('slots').put({ ...slot, key: slotKey(slot.intent, slot.situation), updatedAt: stamp }),
    ),
    ...data.disabledIntents.map((intent) => tx.objectStore('intents').put({ intent, enabled: false })),
    ...data.rules.map((rule, position) => tx.objectStore('rules').put({ ...rule, position })),
  ]);
}

export async function createShopStore(options: ShopStoreOptions = {}) {
  const db: IDBPDatabase<ShopDb> = await openShopDb(options.factory, options.dbName);
  options.onStep?.('databaseOpen');
  const readManaged = options.readManaged ?? (async () => undefined);
  const newId = options.newId ?? (() => crypto.randomUUID());
  const now = options.now ?? (() => new Date());
  const hitFlushMs = options.hitFlushMs ?? 2000;

  let snapshot: ShopSnapshot = EMPTY_SNAPSHOT;
  let managedRaw: ManagedPolicy | undefined;
  const pendingHits = new Set<IntentId>();
  let hitTimer: ReturnType<typeof setTimeout> | undefined;
  /** Writes run one after another, so each reads what the previous one committed. */
  let queue: Promise<unknown> = Promise.resolve();

  async function reload(): Promise<void> {
    const tx = db.transaction(['slots', 'intents', 'rules', 'settings', 'hits', 'selectors']);
    const [slots, intents, rules, saved, hits, selectors] = await Promise.all([
      tx.objectStore('slots').getAll(),
      tx.objectStore('intents').getAll(),
      tx.objectStore('rules').getAll(),
      tx.objectStore('settings').get('shop'),
      tx.objectStore('hits').getAll(),
      tx.objectStore('selectors').getAll(),
    ]);
    // Saved while the card was an on/off switch: on was today's automatic send.
    const cardMode = upgradePredictionCard(saved?.orderPredictionCard);
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      ...saved,
      orderPredictionCard: isPredictionCardMode(cardMode) ? cardMode : DEFAULT_SETTINGS.orderPredictionCard,
    };
    const local: ShopData = {
      slots: slots.map(({ intent, situation, overrides, own, order }) => ({
        intent,
        situation,
        overrides,
        own,
        order,
      })),
      disabledIntents: intents.filter((record) => !record.enabled).map((record) => record.intent),
      rules: rules
        .sort((a, b) => a.position - b.position)
        .map(({ id, keywords, reply, enabled }) => ({ id, keywords, reply, enabled })),
      settings: {
        lateShipCompensationYuan: settings.lateShipCompensationYuan,
        orderPredictionCard: settings.orderPredictionCard,
      },
      selectorOverrides: storedSelectorOverrides(
        Object.fromEntries(selectors.map((record) => [record.adapter, record.selectors])),
      ),
    };
    const counted: IntentHits = {};
    for (const record of hits) counted[record.intent] = record.count;
    // Hits counted since the last flush stay in memory until written.
    for (const intent of pendingHits) counted[intent] = snapshot.hits[intent] ?? counted[intent];
    const managed = readManagedValue(managedRaw);
    snapshot = { local, settings, managed: managed.managed, managedError: managed.error, hits: counted };
  }

  async function refreshManaged(): Promise<void> {
    managedRaw = await readManaged();
    const managed = readManagedValue(managedRaw);
    snapshot = { ...snapshot, managed: managed.managed, managedError: managed.error };
  }

  function write<T>(run: () => Promise<T>): Promise<ShopSnapshot> {
    const next = queue.then(async () => {
      await run();
      await reload();
      return snapshot;
    });
    queue = next.catch(() => undefined);
    return next;
  }

  /** Replaces every stored selector override, inside the caller's transaction. */
  async function putSelectorOverrides(
    store: { clear(): Promise<void>; put(value: SelectorRecord): Promise<string> },
    overrides: SelectorOverrides,
  ) {
    await store.clear();
    await Promise.all(
      Object.entries(overrides).map(([adapter, selectors]) => store.put({ adapter, selectors: { ...selectors } })),
    );
  }

  function requireSlot(intent: IntentId, situation: Situation) {
    const entry = catalogueSlot(intent, situation);
    if (!entry) throw new CodedError('noSuchSituation');
    return entry;
  }

  /** Read-modify-write of one slot record in one transaction; an empty record is deleted. */
  async function updateSlot(intent: IntentId, situation: Situation, change: (slot: SlotRecord) => void) {
    const tx = db.transaction('slots', 'readwrite');
    const key = slotKey(intent, situation);
    const slot: SlotRecord = (await tx.store.get(key)) ?? {
      key,
      intent,
      situation,
      overrides: {},
      own: [],
      order: [],
      updatedAt: 0,
    };
    change(slot);
    slot.updatedAt = now().getTime();
    if (Object.keys(slot.overrides).length === 0 && slot.own.length === 0 && slot.order.length === 0) {
      await tx.store.delete(key);
    } else {
      await tx.store.put(slot);
    }
    await tx.done;
  }

  /**
   * An edit that started from `base` while the stored text is now `current`: someone else saved meanwhile.
   * Refused with both texts, so the admin sees theirs and keeps their own. Saving the text already stored is
   * no conflict (a retry of a save that went through, or the same edit twice).
   */
  function refuseStale(current: string, text: string, base: string | undefined) {
    if (base !== undefined && current !== base && current !== text) {
      throw new CodedError('replyConflict', { theirs: current, yours: text });
    }
  }

  function refuseManagedReply(intent: IntentId, situation: Situation, replyId: string) {
    const reply = effectiveSlot(snapshot, intent, situation).find((candidate) => candidate.id === replyId);
    if (reply?.managed) throw new CodedError('replyManaged');
  }

  function officialId(intent: IntentId, situation: Situation, replyId: string) {
    if (!requireSlot(intent, situation).replies.some((reply) => reply.id === replyId)) {
      throw new CodedError('noSuchOfficialReply');
    }
  }

  async function flushHits(): Promise<void> {
    if (hitTimer !== undefined) clearTimeout(hitTimer);
    hitTimer = undefined;
    if (pendingHits.size === 0) return;
    const intents = [...pendingHits];
    pendingHits.clear();
    const tx = db.transaction('hits', 'readwrite');
    await Promise.all(intents.map((intent) => tx.store.put({ intent, count: snapshot.hits[intent] ?? 0 })));
    await tx.done;
  }

  await reload();
  options.onStep?.('snapshotRead');
  // Chrome answers the first storage.managed read only once policies have loaded (~3 s after start in our
  // measurements), so suggestions don't wait for it: the pack is applied when it arrives.
  const managedReady = refreshManaged().catch(() => undefined);

  return {
    /** The in-memory snapshot: no IndexedDB on the read path. */
    snapshot: (): ShopSnapshot => snapshot,

    /** Resolves once the managed policy was first read and applied. */
    managedReady,

    refreshManaged: () => write(refreshManaged),

    /** `base`: the text the edit started from; when someone saved another text since, nothing changes. */
    setOverride(intent: IntentId, situation: Situation, replyId: string, text: string, base?: string) {
      return write(async () => {
        officialId(intent, situation, replyId);
        refuseManagedReply(intent, situation, replyId);
        assertNoProblem(replyTextProblem(text));
        const official = requireSlot(intent, situation).replies.find((reply) => reply.id === replyId)?.text;
        await updateSlot(intent, situation, (slot) => {
          refuseStale(slot.overrides[replyId] ?? official ?? '', text, base);
          // Saving the official text unchanged is the same as restoring it.
          if (text === official) delete slot.overrides[replyId];
          else slot.overrides[replyId] = text;
        });
      });
    },

    restoreOfficial(intent: IntentId, situation: Situation, replyId: string) {
      return write(async () => {
        officialId(intent, situation, replyId);
        refuseManagedReply(intent, situation, replyId);
        await updateSlot(intent, situation, (slot) => {
          delete slot.overrides[replyId];
        });
      });
    },

    /**
     * `requestId`, made by the page once per new reply, becomes the reply's id: a retry of an add that went
     * through finds it and adds nothing.
     */
    addOwn(intent: IntentId, situation: Situation, text: string, requestId?: string) {
      return write(async () => {
        requireSlot(intent, situation);
        assertNoProblem(replyTextProblem(text));
        const id = `own.${requestId ?? newId()}`;
        const added = (slot: Pick<SlotRecord, 'own'> | undefined) => slot?.own.some((reply) => reply.id === id);
        if (added(snapshot.local.slots.find((slot) => slot.intent === intent && slot.situation === situation))) return;
        const full = () => new CodedError('ownRepliesFull', { max: MAX_OWN_REPLIES });
        if (ownRepliesLeft(snapshot, intent, situation) === 0) throw full();
        await updateSlot(intent, situation, (slot) => {
          // Checked again inside the transaction: the record is the truth, not the snapshot.
          if (added(slot)) return;
          if (slot.own.length >= MAX_OWN_REPLIES) throw full();
          slot.own.push({ id, text });
        });
      });
    },

    updateOwn(intent: IntentId, situation: Situation, replyId: string, text: string, base?: string) {
      return write(async () => {
        refuseManagedReply(intent, situation, replyId);
        assertNoProblem(replyTextProblem(text));
        await updateSlot(intent, situation, (slot) => {
          const reply = slot.own.find((candidate) => candidate.id === replyId);
          if (!reply) throw new CodedError('replyDeleted');
          refuseStale(reply.text, text, base);
          reply.text = text;
        });
      });
    },

    deleteOwn(intent: IntentId, situation: Situation, replyId: string) {
      return write(async () => {
        refuseManagedReply(intent, situation, replyId);
        await updateSlot(intent, situation, (slot) => {
          slot.own = slot.own.filter((reply) => reply.id !== replyId);
          slot.order = slot.order.filter((id) => id !== replyId);
        });
      });
    },

    reorder(intent: IntentId, situation: Situation, order: string[]) {
      return write(async () => {
        const known = new Set(effectiveSlot(snapshot, intent, situation).map((reply) => reply.id));
        if (order.length !== known.size || !order.every((id) => known.has(id)) || new Set(order).size !== known.size) {
          throw new CodedError('repliesChanged');
        }
        await updateSlot(intent, situation, (slot) => {
          slot.order = [...order];
        });
      });
    },

    setIntentEnabled(intent: IntentId, enabled: boolean) {
      return write(async () => {
        if (intentState(snapshot, intent).managed) throw new CodedError('intentManaged');
        const tx = db.transaction('intents', 'readwrite');
        if (enabled) await tx.store.delete(intent);
        else await tx.store.put({ intent, enabled: false });
        await tx.done;
      });
    },

    saveRule(input: RuleInput) {
      return write(async () => {
        const keywords = [...new Set(input.keywords.map((keyword) => keyword.trim()).filter(Boolean))];
        assertNoProblem(keywordsProblem(keywords));
        assertNoProblem(replyTextProblem(input.reply));
        const tx = db.transaction('rules', 'readwrite');
        const existing = input.id ? await tx.store.get(input.id) : undefined;
        if (input.id && !existing) throw new CodedError('ruleDeleted');
        const all = await tx.store.getAll();
        if (!existing && all.length >= MAX_RULES) {
          throw new CodedError('tooManyRules', { max: MAX_RULES });
        }
        const rule: RuleRecord = {
          id: existing?.id ?? `rule.${newId()}`,
          keywords,
          reply: input.reply,
          enabled: input.enabled,
          position: existing?.position ?? Math.max(-1, ...all.map((record) => record.position)) + 1,
        };
        await tx.store.put(rule);
        await tx.done;
      });
    },

    deleteRule(id: string) {
      return write(async () => {
        const tx = db.transaction('rules', 'readwrite');
        await tx.store.delete(id);
        await tx.done;
      });
    },

    reorderRules(ids: string[]) {
      return write(async () => {
        const tx = db.transaction('rules', 'readwrite');
        const all = await tx.store.getAll();
        const known = new Set(all.map((rule) => rule.id));
        if (ids.length !== known.size || !ids.every((id) => known.has(id)) || new Set(ids).size !== known.size) {
          throw new CodedError('rulesChanged');
        }
        await Promise.all(all.map((rule) => tx.store.put({ ...rule, position: ids.indexOf(rule.id) })));
        await tx.done;
      });
    },

    saveSettings(input: SettingsInput) {
      return write(async () => {
        const fixed = managedSettingKeys(snapshot).filter((key) => key in input && key !== 'language');
        if (fixed.length > 0) throw new CodedError('settingManaged');
        const checked = v.safeParse(SettingsPatchSchema, input, { abortEarly: true });
        if (!checked.success) throw refusal(checked.issues[0]);
        const tx = db.transaction('settings', 'readwrite');
        const saved = (await tx.store.get('shop')) ?? {};
        await tx.store.put({ ...saved, ...checked.output }, 'shop');
        await tx.done;
      });
    },

    /**
     * Replaces the shop's page selector overrides (lib/adapters/overrides.ts); {} clears them. Checked again
     * here (the DOM-free check: this is a service worker), so a bad set changes nothing.
     */
    saveSelectorOverrides(overrides: SelectorOverrides) {
      return write(async () => {
        const checked = parseSelectorOverrides(overrides);
        const tx = db.transaction('selectors', 'readwrite');
        await putSelectorOverrides(tx.store, checked);
        await tx.done;
      });
    },

    /** Replaces the shop's local replies, rules and disabled intents with the pack's, all or nothing. */
    importPack(pack: ReplyPack) {
      return write(async () => {
        const tx = db.transaction(LIBRARY_STORES, 'readwrite');
        await putLibraryLists(tx, pack, now().getTime());
        const saved = (await tx.objectStore('settings').get('shop')) ?? {};
        await tx.objectStore('settings').put({ ...saved, ...pack.settings }, 'shop');
        // A pack without selector overrides (an older export) leaves the current ones as they are.
        if (pack.selectorOverrides) await putSelectorOverrides(tx.objectStore('selectors'), pack.selectorOverrides);
        await tx.done;
      });
    },

    /**
     * Makes the local library exactly `data`: the shop server's copy, or the library as it was before a refused
     * save. Unlike importPack, the pack's settings absent from `data` go back to their defaults, and selector
     * overrides absent are cleared: the server's library is the whole truth.
     */
    replaceLibrary(data: ShopData) {
      return write(async () => {
        const tx = db.transaction(LIBRARY_STORES, 'readwrite');
        await putLibraryLists(tx, data, now().getTime());
        const {
          lateShipCompensationYuan: _compensation,
          orderPredictionCard: _card,
          ...own
        } = (await tx.objectStore('settings').get('shop')) ?? {};
        await tx.objectStore('settings').put({ ...own, ...data.settings }, 'shop');
        await putSelectorOverrides(tx.objectStore('selectors'), data.selectorOverrides ?? {});
        await tx.done;
      });
    },

    exportPack: (): ReplyPack => toPack(snapshot.local, now()),

    /** Counts a suggestion shown for an intent; written to the database at most every `hitFlushMs`. */
    countHit(intent: IntentId): void {
      snapshot = { ...snapshot, hits: { ...snapshot.hits, [intent]: (snapshot.hits[intent] ?? 0) + 1 } };
      pendingHits.add(intent);
      hitTimer ??= setTimeout(() => void flushHits(), hitFlushMs);
    },

    flushHits,

    close(): void {
      if (hitTimer !== undefined) clearTimeout(hitTimer);
      db.close();
    },
  };
}
