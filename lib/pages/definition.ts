/**
 * A page definition: everything Huashu knows about one chat page, as data. One generic adapter
 * (lib/adapters/generic.ts, `createAdapter(definition)`) reads any page through its definition; the definitions
 * themselves hold no DOM code, so the background and the options page read them (labels, match patterns, the
 * parts an override may name) without loading an adapter.
 *
 * Every part is a list of variants, current first then fallbacks, each with the evidence it rests on (the
 * refined-github habit, with the evidence kept as data so the options page and the mapper can show it). A variant
 * finds an element by CSS selector and reads its text, or one attribute of it; order fields may instead be found
 * by the label the page shows beside them (订单号, 实付金额…), or as the one leaf text of a given form.
 *
 * Definitions are data only: selectors, attribute names and regular expressions, no script.
 */
import * as v from 'valibot';
import type { Language } from '@/lib/language';

// ── Variants ─────────────────────────────────────────────────────────────────────────────────────

/** An element found by CSS selector: its text, or the value of `attribute`; `pattern` keeps its first group. */
export interface SelectorVariant {
  selector: string;
  /** Read this attribute instead of the element's text. */
  attribute?: string;
  /** A regular expression the value must match; its first capture group (else the whole match) is the value. */
  pattern?: string;
  /** Why this variant: where it was seen, and how sure that is. Built-in variants always say. */
  evidence?: string;
}

/** The value the page shows beside a label, e.g. 付款时间 → 2026/11/23 20:15:42. Order fields only. */
interface LabelVariant {
  label: string;
  evidence?: string;
}

/** The one distinct leaf text matching `leaf` fully (several different ones: none). Order fields only. */
interface LeafVariant {
  leaf: string;
  evidence?: string;
}

export type Variant = SelectorVariant | LabelVariant | LeafVariant;
/** Ways to find one part of a page: current variant first, then fallbacks. */
export type Variants = readonly Variant[];

export function isSelectorVariant(variant: Variant): variant is SelectorVariant {
  return 'selector' in variant;
}

// ── Parts ────────────────────────────────────────────────────────────────────────────────────────

/**
 * The parts of a chat page, found in the document unless said otherwise. "In a message/row/order" parts are
 * looked for in that element (the element itself included), so `[data-from="buyer"]` is an attribute rule.
 */
const PART_DOCS = {
  detect: 'On the local demo host, where the URL tells nothing: any of these present means this page.',
  thread: 'The element to watch for new messages; when absent, the block around the messages and the composer.',
  messageList: 'The scrolling list of messages; messages are read inside it when given.',
  openConversationId: 'The open conversation’s id; when absent, the open row’s id, else the buyer’s name.',
  buyerName: 'The open conversation’s buyer name; when absent, the open row’s name.',
  message: 'Every message element of the open thread.',
  messageId: 'In a message: its id. When absent, an id is derived from the message’s side, text and place.',
  messageText: 'In a message: its text.',
  messageTime: 'In a message: when it was sent (a datetime attribute or a shown date-time).',
  messageKind: 'In a message: text, order-card or order-confirm; text when absent.',
  messageOrderId: 'In a message: the order it is about.',
  systemMessage: 'In a message: present when the page wrote it (checked first).',
  agentMessage: 'In a message: present when the shop’s side wrote it (checked second).',
  buyerMessage: 'In a message: present when the buyer wrote it (checked third).',
  systemText: 'In a system message: its text; the whole message’s text when absent.',
  composer: 'The input the agent types into: exactly one element.',
  composerArea: 'The block holding the composer and its toolbar; the popup sits above it.',
  sendButton: 'The page’s own send control.',
  conversationRow: 'Every row of the conversation list.',
  conversationId: 'In a row: its conversation id; the buyer’s name when absent.',
  conversationName: 'In a row: the buyer’s name.',
  conversationUnread: 'In a row: the unread badge (a number, or a dot counted as one).',
  conversationWait: 'In a row: how long the buyer has waited (text, or seconds in an attribute).',
  conversationClick: 'In a row: the element that opens it on a click; the row itself when absent.',
  conversationPreview: 'In a row: the last message as the row previews it, when it is the buyer’s.',
  openConversation: 'The open row, or an element inside it.',
  waitingGroup: 'A group of rows whose buyers wait for a reply.',
  groupLabel: 'Every group header of the list; rows belong to the last header before them.',
  waitingGroupLabel: 'The headers of the groups whose buyers wait for a reply.',
  orderItem: 'Every order of the order panel.',
  orderHeader: 'In an order: its header, searched first for leaf-text fields.',
  orderEmpty: 'Shown when the buyer has no orders.',
  orderId: 'In an order: its number.',
  orderProduct: 'In an order: the product.',
  orderAmount: 'In an order: the amount paid, as shown.',
  orderStatus: 'In an order: its status label.',
  orderPaidAt: 'In an order: when it was paid.',
  orderPromise: 'In an order: the promised ship-by time.',
  orderCourier: 'In an order: the courier.',
  orderTracking: 'In an order: the tracking number.',
  orderSendCard: 'In an order: the control that sends its card to the buyer.',
} as const;

export type PartName = keyof typeof PART_DOCS;
export const PART_NAMES = Object.keys(PART_DOCS) as PartName[];
/** Parts read inside an order, where a label or a leaf text may find the value. */
const ORDER_FIELD_PARTS = [
  'orderId',
  'orderProduct',
  'orderAmount',
  'orderStatus',
  'orderPaidAt',
  'orderPromise',
  'orderCourier',
  'orderTracking',
] as const satisfies readonly PartName[];
/** Parts every definition has: without them Huashu can neither read a message nor write a reply. */
const REQUIRED_PARTS = [
  'message',
  'messageText',
  'agentMessage',
  'buyerMessage',
  'composer',
] as const satisfies readonly PartName[];

type RequiredPart = (typeof REQUIRED_PARTS)[number];
type Parts = { readonly [P in RequiredPart]: Variants } & { readonly [P in PartName]?: Variants };

// ── The definition ───────────────────────────────────────────────────────────────────────────────

const COMPOSER_KINDS = ['textarea', 'contenteditable', 'rich'] as const;
const SEND_KEYS = ['Enter', 'Ctrl+Enter'] as const;
const PAGE_ACTIONS = ['send_order_card', 'open_order'] as const;

export interface PageDefinition {
  /** Lowercase letters, digits and dashes: the key of its overrides and of its custom-page record. */
  id: string;
  label: Record<Language, string>;
  /** Match patterns of the pages it serves. */
  matches: readonly string[];
  parts: Parts;
  /**
   * What the composer is: a plain textarea, a contenteditable element, or a rich editor (Lexical, Slate, Quill,
   * ProseMirror…) on one. The insertion ladder (lib/adapters/editor-input.ts) recognises the element itself, so this
   * says what the page was found to use, for the people reading and mapping the definition.
   */
  composerKind: (typeof COMPOSER_KINDS)[number];
  /** The keys that send what is in the composer, pressed when the send control is not found; none: the button only. */
  sendKeys?: (typeof SEND_KEYS)[number];
  /** A message none of system/agent/buyerMessage recognises: read as the page's own (system), or skipped. */
  unmatchedMessages?: 'system' | 'skip';
  /**
   * A buyer's message without text (a card) that mentions `word` and holds exactly one order number (`number`, a
   * regular expression matched whole) is an order card about that order.
   */
  orderCards?: { word: string; number: string; evidence?: string };
  /** conversationWait text that means the buyer waits (a regular expression); any shown wait when absent. */
  waitText?: string;
  /** Without a conversationWait element, whether any leaf text of the row matching waitText is the wait. */
  waitInAnyLeaf?: boolean;
  /** The only attributes whose change can change the conversation list as read; any attribute when absent. */
  conversationAttributes?: readonly string[];
  /** Order actions the page supports: the order's send-card control, and a click on the order. */
  actions?: readonly (typeof PAGE_ACTIONS)[number][];
}

// ── The schema ───────────────────────────────────────────────────────────────────────────────────

const LIMITS = { selectorChars: 300, patternChars: 200, variants: 12, textChars: 400 } as const;

function isRegex(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

const patternSchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(LIMITS.patternChars),
  v.check(isRegex, 'not a regular expression'),
);
const attributeSchema = v.pipe(v.string(), v.regex(/^[A-Za-z_:][-A-Za-z0-9_:.]*$/, 'not an attribute name'));
const evidenceSchema = v.optional(v.pipe(v.string(), v.maxLength(LIMITS.textChars)));
/** The selector's syntax is checked again where overrides are parsed (lib/pages/overrides.ts), with its place. */
const selectorSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.selectorChars));

const selectorVariantSchema = v.strictObject({
  selector: selectorSchema,
  attribute: v.optional(attributeSchema),
  pattern: v.optional(patternSchema),
  evidence: evidenceSchema,
});
const fieldVariantSchema = v.union([
  selectorVariantSchema,
  v.strictObject({ label: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(40)), evidence: evidenceSchema }),
  v.strictObject({ leaf: patternSchema, evidence: evidenceSchema }),
]);

const isOrderField = (part: PartName) => (ORDER_FIELD_PARTS as readonly PartName[]).includes(part);

/** A part's variants: a non-empty list; order fields also take label and leaf variants. */
export function variantsSchema(part: PartName) {
  return v.pipe(
    v.array(isOrderField(part) ? fieldVariantSchema : selectorVariantSchema),
    v.minLength(1),
    v.maxLength(LIMITS.variants),
  );
}

const partsSchema = v.strictObject(
  Object.fromEntries(
    PART_NAMES.map((part) => [
      part,
      (REQUIRED_PARTS as readonly PartName[]).includes(part) ? variantsSchema(part) : v.optional(variantsSchema(part)),
    ]),
  ) as { [P in PartName]: ReturnType<typeof variantsSchema> },
);

/**
 * The settings an override may change besides parts. The id, label and match patterns stay the page's own, and so
 * do the observed attributes and the actions, which decide what the content script sets up once.
 */
export const settingsEntries = {
  composerKind: v.picklist(COMPOSER_KINDS),
  sendKeys: v.optional(v.picklist(SEND_KEYS)),
  unmatchedMessages: v.optional(v.picklist(['system', 'skip'])),
  orderCards: v.optional(
    v.strictObject({ word: v.pipe(v.string(), v.minLength(1)), number: patternSchema, evidence: evidenceSchema }),
  ),
  waitText: v.optional(patternSchema),
  waitInAnyLeaf: v.optional(v.boolean()),
};

export const PageDefinitionSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,39}$/)),
  label: v.strictObject({
    zh: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(40)),
    en: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(40)),
  }),
  matches: v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.minLength(1)),
  parts: partsSchema,
  ...settingsEntries,
  conversationAttributes: v.optional(v.array(attributeSchema)),
  actions: v.optional(v.array(v.picklist(PAGE_ACTIONS))),
});

/** Checks a definition's shape (valibot issues on failure); the generic adapter trusts what passes. */
export function checkPageDefinition(value: unknown): v.SafeParseResult<typeof PageDefinitionSchema> {
  return v.safeParse(PageDefinitionSchema, value);
}

/** The CSS selectors of a part's selector variants, current first (label and leaf variants have none). */
export function selectorsOf(variants: Variants | undefined): string[] {
  return (variants ?? []).filter(isSelectorVariant).map((variant) => variant.selector);
}

/** What a variant is, in one line for people: its selector (and attribute), label or leaf form. */
export function describeVariant(variant: Variant): string {
  if ('label' in variant) return `label: ${variant.label}`;
  if ('leaf' in variant) return `leaf: /${variant.leaf}/`;
  const attribute = variant.attribute ? ` @${variant.attribute}` : '';
  const pattern = variant.pattern ? ` /${variant.pattern}/` : '';
  return `${variant.selector}${attribute}${pattern}`;
}

// ── Overrides: partial definitions ───────────────────────────────────────────────────────────────

/** A shop's fix for a page: some parts' variants (tried before the built-in ones) and some settings replaced. */
export interface PageOverride {
  parts?: { readonly [P in PartName]?: Variants };
  composerKind?: PageDefinition['composerKind'];
  sendKeys?: PageDefinition['sendKeys'];
  unmatchedMessages?: PageDefinition['unmatchedMessages'];
  orderCards?: PageDefinition['orderCards'];
  waitText?: PageDefinition['waitText'];
  waitInAnyLeaf?: PageDefinition['waitInAnyLeaf'];
}

/** The keys of a definition an override may set. */
export const OVERRIDE_KEYS = ['parts', ...Object.keys(settingsEntries)] as readonly (keyof PageOverride)[];

const variantKey = (variant: Variant) => JSON.stringify({ ...variant, evidence: undefined });

/**
 * `definition` with `override` merged over it: each overridden part's variants come first, then the built-in
 * ones (no repeats), so an override only adds ways to find a part; settings it names replace the built-in ones.
 */
export function mergeDefinition(definition: PageDefinition, override: PageOverride | undefined): PageDefinition {
  if (!override) return definition;
  const { parts: overrideParts, ...settings } = override;
  const parts: Record<string, Variants> = { ...definition.parts };
  for (const [part, variants] of Object.entries(overrideParts ?? {})) {
    if (!variants) continue;
    const seen = new Set<string>();
    parts[part] = [...variants, ...(parts[part] ?? [])].filter((variant) => {
      const key = variantKey(variant);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  const set = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
  return { ...definition, ...set, parts: parts as Parts };
}
