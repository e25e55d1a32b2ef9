import * as v from 'valibot';
import { CodedError } from '@/lib/messages/errors';
import { type Field, isField } from '@/lib/messages/fields';
import { isCodedIssue, refusal } from '@/lib/messages/problems';

/** Every message of ours carries this mark, so messages of other extensions or pages are never mistaken for ours. */
export interface Envelope<Type extends string = string, Payload = unknown> {
  huashu: 1;
  type: Type;
  payload: Payload;
}

export function envelope<Type extends string, Payload>(type: Type, payload: Payload): Envelope<Type, Payload> {
  return { huashu: 1, type, payload };
}

type RequestMap = Record<string, { request: v.GenericSchema }>;

/**
 * Reads a message against a map: null for anything that is not ours (other senders, unknown types), else its type
 * and what its schema made of the payload. A chat tab's content script needs no more than this.
 */
export function readEnvelope<Map extends RequestMap>(
  map: Map,
  message: unknown,
): { type: keyof Map & string; result: v.SafeParseResult<v.GenericSchema> } | null {
  if (typeof message !== 'object' || message === null) return null;
  const { huashu, type, payload } = message as Partial<Envelope>;
  if (huashu !== 1 || typeof type !== 'string' || !Object.hasOwn(map, type)) return null;
  return { type, result: v.safeParse(map[type].request, payload) };
}

/**
 * readEnvelope, for a receiver that says why it refuses: a payload its schema refuses throws a CodedError naming the
 * first field at fault, or the coded problem a check found.
 */
export function parseEnvelope<Map extends RequestMap>(
  map: Map,
  message: unknown,
): { type: keyof Map & string; payload: unknown } | null {
  const read = readEnvelope(map, message);
  if (!read) return null;
  const { type, result } = read;
  if (!result.success) {
    const [issue] = result.issues;
    // A check that words its own refusal (a setting out of range) keeps it: it says more than "invalid field".
    if (isCodedIssue(issue)) throw refusal(issue);
    // A failed check names its field in its message; a wrong or missing value is named by the schema at its path.
    const field =
      issue.kind === 'validation' && isField(issue.message) ? issue.message : fieldAt(map[type].request, issue.path);
    throw new CodedError('invalidField', { field });
  }
  return { type, payload: result.output };
}

/** What a nested schema may hold: object entries, an array's item, a record's value, an optional's inner schema. */
interface SchemaNode {
  message?: unknown;
  entries?: Record<string, SchemaNode>;
  item?: SchemaNode;
  value?: SchemaNode;
  wrapped?: SchemaNode;
}

/** The field named by the innermost schema along `path` that names one. */
function fieldAt(root: v.GenericSchema, path: v.IssuePathItem[] = []): Field {
  let node: SchemaNode | undefined = root as SchemaNode;
  let field: Field = 'request';
  const visit = (schema: SchemaNode | undefined) => {
    let inner = schema;
    while (inner?.wrapped) {
      if (isField(inner.message)) field = inner.message;
      inner = inner.wrapped;
    }
    if (isField(inner?.message)) field = inner.message;
    return inner;
  };
  node = visit(node);
  for (const { key } of path) {
    const child: SchemaNode | undefined =
      typeof key === 'string' && node?.entries ? node.entries[key] : (node?.item ?? node?.value);
    if (!child) break;
    node = visit(child);
  }
  return field;
}
