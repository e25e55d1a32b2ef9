/**
 * The shop's replies, rules and settings, held by the background. Reads come from an in-memory snapshot,
 * so a buyer message never waits on IndexedDB; every write is validated, runs in one transaction, and the
 * snapshot is reloaded from the database only after the transaction commits: nothing half-written is kept.
 */
import type { IDBPDatabase } from 'idb';
import type { IntentId } from '@/lib/intents/ids';
import type { Language } from '@/lib/language';
import { parseSelectorOverrides, type SelectorOverrides } from '@/lib/pages/overrides';
import { DEFAULT_SETTINGS, type Settings, SLOW_REPLY_LIMITS } from '@/lib/settings';
import { catalogueSlot, slotKey } from '@/lib/store/catalogue';
import { openShopDb, type RuleRecord, type SelectorRecord, type ShopDb, type SlotRecord } from '@/lib/store/db';
import { readManagedValue } from '@/lib/store/managed';
import { effectiveSlot, intentState, managedSettingKeys, ownRepliesLeft } from '@/lib/store/overlay';
import { toPack } from '@/lib/store/pack';
import {
  EMPTY_SNAPSHOT,
  type IntentHits,
  type KeywordRule,
  MAX_OWN_REPLIES,
  MAX_RULES,
  type ReplyPack,
  type ShopData,
  type ShopSnapshot,
  type Situation,
} from '@/lib/store/types';
import { assertReplyText, keywordsProblem, ShopError } from '@/lib/store/validate';

export interface ShopStoreOptions {
  factory?: IDBFactory;
  dbName?: string;
  /** Reads the managed policy's raw value (undefined when there is none). */
  readManaged?: () => Promise<unknown>;
  /** Hit counts are written at most this often. */
  hitFlushMs?: number;
  newId?: () => string;
  now?: () => Date;
}

export interface RuleInput {
  id?: string;
  keywords: string[];
  reply: string;
  enabled: boolean;
}

export type SettingsInput = Partial<Settings>;

export type ShopStore = Awaited<ReturnType<typeof createShopStore>>;

export async function createShopStore(options: ShopStoreOptions = {}) {
  const db: IDBPDatabase<ShopDb> = await openShopDb(options.factory, options.dbName);
  const readManaged = options.readManaged ?? (async () => undefined);
  const newId = options.newId ?? (() => crypto.randomUUID());
  const now = options.now ?? (() => new Date());
  const hitFlushMs = options.hitFlushMs ?? 2000;

  let snapshot: ShopSnapshot = EMPTY_SNAPSHOT;
  let managedRaw: unknown;
  const pendingHits = new Set<IntentId>();
  let hitTimer: ReturnType<typeof setTimeout> | undefined;
  /** Writes run one after another, so each reads what the previous one committed. */
  let queue: Promise<unknown> = Promise.resolve();

  const lang = (): Language => snapshot.settings.language;
  const zh = () => lang() === 'zh';

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
    const settings: Settings = { ...DEFAULT_SETTINGS, ...saved };
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
      selectorOverrides: Object.fromEntries(selectors.map((record) => [record.adapter, record.selectors])),
    };
    const counted: IntentHits = {};
    for (const record of hits) counted[record.intent] = record.count;
    // Hits counted since the last flush stay in memory until written.
    for (const intent of pendingHits) counted[intent] = snapshot.hits[intent] ?? counted[intent];
    const managed = readManagedValue(managedRaw, settings.language);
    snapshot = { local, settings, managed: managed.managed, managedError: managed.error, hits: counted };
  }

  async function refreshManaged(): Promise<void> {
    managedRaw = await readManaged();
    const managed = readManagedValue(managedRaw, snapshot.settings.language);
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
    await Promise.all(Object.entries(overrides).map(([adapter, selectors]) => store.put({ adapter, selectors })));
  }

  function requireSlot(intent: IntentId, situation: Situation) {
    const entry = catalogueSlot(intent, situation);
    if (!entry) throw new ShopError(zh() ? '该意图没有这个订单节点' : 'This intent has no such order node');
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

  function refuseManagedReply(intent: IntentId, situation: Situation, replyId: string) {
    const reply = effectiveSlot(snapshot, intent, situation).find((candidate) => candidate.id === replyId);
    if (reply?.managed) {
      throw new ShopError(
        zh() ? '这条话术由管理员统一下发，不能在此修改' : 'This reply is set by your administrator and is read-only',
      );
    }
  }

  function officialId(intent: IntentId, situation: Situation, replyId: string) {
    if (!requireSlot(intent, situation).replies.some((reply) => reply.id === replyId)) {
      throw new ShopError(zh() ? '没有这条官方话术' : 'No such official reply');
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
  // Chrome answers the first storage.managed read only once policies have loaded (~3 s after start in our
  // measurements), so suggestions don't wait for it: the pack is applied when it arrives.
  const managedReady = refreshManaged().catch(() => undefined);

  return {
    /** The in-memory snapshot: no IndexedDB on the read path. */
    snapshot: (): ShopSnapshot => snapshot,

    /** Resolves once the managed policy was first read and applied. */
    managedReady,

    refreshManaged: () => write(refreshManaged),

    setOverride(intent: IntentId, situation: Situation, replyId: string, text: string) {
      return write(async () => {
        officialId(intent, situation, replyId);
        refuseManagedReply(intent, situation, replyId);
        assertReplyText(text, lang());
        const official = requireSlot(intent, situation).replies.find((reply) => reply.id === replyId)?.text;
        await updateSlot(intent, situation, (slot) => {
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

    addOwn(intent: IntentId, situation: Situation, text: string) {
      return write(async () => {
        requireSlot(intent, situation);
        assertReplyText(text, lang());
        if (ownRepliesLeft(snapshot, intent, situation) === 0) {
          throw new ShopError(
            zh()
              ? `每个订单节点最多添加 ${MAX_OWN_REPLIES} 条自定义话术，请先删除一条`
              : `At most ${MAX_OWN_REPLIES} own replies per order node: delete one first`,
          );
        }
        await updateSlot(intent, situation, (slot) => {
          // Checked again inside the transaction: the record is the truth, not the snapshot.
          if (slot.own.length >= MAX_OWN_REPLIES) throw new ShopError('limit');
          slot.own.push({ id: `own.${newId()}`, text });
        });
      });
    },

    updateOwn(intent: IntentId, situation: Situation, replyId: string, text: string) {
      return write(async () => {
        refuseManagedReply(intent, situation, replyId);
        assertReplyText(text, lang());
        await updateSlot(intent, situation, (slot) => {
          const reply = slot.own.find((candidate) => candidate.id === replyId);
          if (!reply) throw new ShopError(zh() ? '这条话术已被删除' : 'This reply was deleted');
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
          throw new ShopError(zh() ? '话术列表已变化，请刷新后重试' : 'The replies changed; reload and try again');
        }
        await updateSlot(intent, situation, (slot) => {
          slot.order = [...order];
        });
      });
    },

    setIntentEnabled(intent: IntentId, enabled: boolean) {
      return write(async () => {
        if (intentState(snapshot, intent).managed) {
          throw new ShopError(
            zh() ? '该意图由管理员统一停用，不能在此启用' : 'Your administrator disabled this intent',
          );
        }
        const tx = db.transaction('intents', 'readwrite');
        if (enabled) await tx.store.delete(intent);
        else await tx.store.put({ intent, enabled: false });
        await tx.done;
      });
    },

    saveRule(input: RuleInput) {
      return write(async () => {
        const keywords = [...new Set(input.keywords.map((keyword) => keyword.trim()).filter(Boolean))];
        const problem = keywordsProblem(keywords, lang());
        if (problem) throw new ShopError(problem);
        assertReplyText(input.reply, lang());
        const tx = db.transaction('rules', 'readwrite');
        const existing = input.id ? await tx.store.get(input.id) : undefined;
        if (input.id && !existing) throw new ShopError(zh() ? '这条规则已被删除' : 'This rule was deleted');
        const all = await tx.store.getAll();
        if (!existing && all.length >= MAX_RULES) {
          throw new ShopError(zh() ? `关键词规则最多 ${MAX_RULES} 条` : `At most ${MAX_RULES} keyword rules`);
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
          throw new ShopError(zh() ? '规则列表已变化，请刷新后重试' : 'The rules changed; reload and try again');
        }
        await Promise.all(all.map((rule) => tx.store.put({ ...rule, position: ids.indexOf(rule.id) })));
        await tx.done;
      });
    },

    saveSettings(input: SettingsInput) {
      return write(async () => {
        const fixed = managedSettingKeys(snapshot).filter((key) => key in input && key !== 'language');
        if (fixed.length > 0) {
          throw new ShopError(zh() ? '该设置由管理员统一下发' : 'This setting is set by your administrator');
        }
        const yuan = input.lateShipCompensationYuan;
        if (yuan !== undefined && (!Number.isFinite(yuan) || yuan < 0 || yuan > 1000)) {
          throw new ShopError(zh() ? '补偿金额应在 0–1000 元之间' : 'Compensation must be 0–1000 yuan');
        }
        const wait = input.slowReplyThresholdSeconds;
        const { min, max } = SLOW_REPLY_LIMITS;
        if (wait !== undefined && (!Number.isInteger(wait) || wait < min || wait > max)) {
          throw new ShopError(
            zh()
              ? `慢回复提醒时间应为 ${min}–${max} 秒的整数`
              : `The slow-reply alert needs whole seconds, ${min}–${max}`,
          );
        }
        const tx = db.transaction('settings', 'readwrite');
        const saved = (await tx.store.get('shop')) ?? {};
        await tx.store.put({ ...saved, ...input }, 'shop');
        await tx.done;
      });
    },

    /**
     * Replaces the shop's page selector overrides (lib/adapters/overrides.ts); {} clears them. Checked again
     * here (the DOM-free check: this is a service worker), so a bad set changes nothing.
     */
    saveSelectorOverrides(overrides: SelectorOverrides) {
      return write(async () => {
        const checked = parseSelectorOverrides(overrides, lang());
        const tx = db.transaction('selectors', 'readwrite');
        await putSelectorOverrides(tx.store, checked);
        await tx.done;
      });
    },

    /** Replaces the shop's local replies, rules and disabled intents with the pack's, all or nothing. */
    importPack(pack: ReplyPack) {
      return write(async () => {
        const tx = db.transaction(['slots', 'intents', 'rules', 'settings', 'selectors'], 'readwrite');
        const stamp = now().getTime();
        await Promise.all([
          tx.objectStore('slots').clear(),
          tx.objectStore('intents').clear(),
          tx.objectStore('rules').clear(),
        ]);
        await Promise.all([
          ...pack.slots.map((slot) =>
            tx.objectStore('slots').put({ ...slot, key: slotKey(slot.intent, slot.situation), updatedAt: stamp }),
          ),
          ...pack.disabledIntents.map((intent) => tx.objectStore('intents').put({ intent, enabled: false })),
          ...pack.rules.map((rule, position) => tx.objectStore('rules').put({ ...rule, position })),
        ]);
        const saved = (await tx.objectStore('settings').get('shop')) ?? {};
        await tx.objectStore('settings').put({ ...saved, ...pack.settings }, 'shop');
        // A pack without selector overrides (an older export) leaves the current ones as they are.
        if (pack.selectorOverrides) await putSelectorOverrides(tx.objectStore('selectors'), pack.selectorOverrides);
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

export type { KeywordRule };
