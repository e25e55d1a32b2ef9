/** A live-stream client as the extension's background will be: one HTTP request, events read as they come. */
import { request } from 'node:http';

export interface LiveEvent {
  event: string;
  id?: string;
  data: string;
}

export interface LiveClient {
  events: LiveEvent[];
  /** Resolves with the first event (already received or still to come) that `match` accepts. */
  next(match: (event: LiveEvent) => boolean, timeoutMs?: number): Promise<LiveEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export function openLive(baseUrl: string, token: string, revision?: number): Promise<LiveClient> {
  const url = new URL(`/api/live${revision === undefined ? '' : `?revision=${revision}`}`, baseUrl);
  return new Promise((resolve, reject) => {
    const events: LiveEvent[] = [];
    const waiters = new Set<{ match: (event: LiveEvent) => boolean; done: (event: LiveEvent) => void }>();
    let endStream: () => void = () => {};
    const ended = new Promise<void>((done) => {
      endStream = done;
    });
    const req = request(url, { headers: { authorization: `Bearer ${token}` }, agent: false }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`live stream answered ${response.statusCode}`));
        response.resume();
        return;
      }
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: LiveEvent = { event: 'message', data: '' };
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) event.event = line.slice(7);
            else if (line.startsWith('id: ')) event.id = line.slice(4);
            else if (line.startsWith('data: ')) event.data += line.slice(6);
          }
          if (block.startsWith(':')) continue;
          events.push(event);
          for (const waiter of waiters) if (waiter.match(event)) waiter.done(event);
        }
      });
      response.on('end', () => endStream());
      response.on('close', () => endStream());
      resolve({
        events,
        ended,
        next(match, timeoutMs = 10_000) {
          const found = events.find(match);
          if (found) return Promise.resolve(found);
          return new Promise((done, fail) => {
            const timer = setTimeout(() => {
              waiters.delete(waiter);
              fail(new Error('no such live event arrived'));
            }, timeoutMs);
            const waiter = {
              match,
              done: (event: LiveEvent) => {
                clearTimeout(timer);
                waiters.delete(waiter);
                done(event);
              },
            };
            waiters.add(waiter);
          });
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The revision a library event carries. */
export const revisionOf = (event: LiveEvent) => (JSON.parse(event.data) as { revision: number }).revision;
