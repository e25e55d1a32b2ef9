/** What every route module gets: the database, the live hub, the limits, and request helpers. */
import type { FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { refusal } from '@/lib/messages/problems';
import type { Db } from '@/server/db';
import { HttpError } from '@/server/errors';
import type { Forwarder } from '@/server/forward';
import type { LiveHub } from '@/server/live';

export interface RateLimits {
  /** Setup and join attempts per client address per minute. */
  loginPerMinute: number;
  /** Writes per device per minute. */
  writesPerMinute: number;
}

export interface ServerContext {
  db: Db;
  live: LiveHub;
  limits: RateLimits;
  /** Forwards stored feedback to the shop's webhook. */
  forwarder: Forwarder;
}

/** Checks a body (or query) against a shared schema; the first problem is the answer, with its code. */
export function parseWith<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (result.success) return result.output;
  const [issue] = result.issues;
  const error = refusal(issue);
  const where = issue.path?.map((item) => String(item.key)).join('.') || 'body';
  throw new HttpError(400, error.code, `Invalid request at ${where}: ${issue.message}`, error.params);
}

/** The rate-limit key of a write: the device token's id, else the client address. */
export function deviceKey(request: FastifyRequest): string {
  const header = request.headers.authorization ?? '';
  const id = /^Bearer ([\w-]{16})\./.exec(header)?.[1];
  return id ? `device:${id}` : `ip:${request.ip}`;
}
