/**
 * Live updates by server-sent events. Each node keeps its own open streams and LISTENs on the database:
 * a library change committed through any node reaches the agents connected to every node, and a revoked
 * browser's stream closes everywhere. The library goes in the event itself, so 500 agents don't all come
 * back for it at once.
 */
import type { ServerResponse } from 'node:http';
import { FEEDBACK_CHANNEL, LIBRARY_CHANNEL, REVOKED_CHANNEL } from '@/server/channels';
import type { Db } from '@/server/db';
import { readLibrary } from '@/server/library-store';

/** A comment line now and then keeps proxies and load balancers from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

interface Stream {
  deviceId: string;
  shopId: number;
  isAdmin: boolean;
  /** The newest library revision this stream has been sent (or the client said it has). */
  revision: number;
  response: ServerResponse;
}

export class LiveHub {
  private readonly streams = new Set<Stream>();
  private readonly stops: (() => Promise<void>)[] = [];
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(private readonly db: Db) {}

  async start(): Promise<void> {
    this.stops.push(
      await this.db.listen(LIBRARY_CHANNEL, (payload) => {
        void this.onLibraryChange(payload);
      }),
      await this.db.listen(REVOKED_CHANNEL, (deviceId) => this.closeDevice(deviceId)),
      await this.db.listen(FEEDBACK_CHANNEL, (payload) => this.onFeedback(payload)),
    );
    this.heartbeat = setInterval(() => {
      for (const stream of this.streams) stream.response.write(': ping\n\n');
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.streams.size;
  }

  /** Opens a stream and sends the library at once when the client is behind (or said nothing). */
  async open(
    response: ServerResponse,
    who: { deviceId: string; shopId: number; isAdmin: boolean },
    clientRevision: number,
  ) {
    const stream: Stream = { ...who, revision: clientRevision, response };
    this.streams.add(stream);
    response.on('close', () => this.streams.delete(stream));
    response.write(': connected\n\n');
    const state = await readLibrary(this.db, who.shopId);
    this.send(stream, state.revision, libraryEvent(state.revision, JSON.stringify(state)));
  }

  closeDevice(deviceId: string): void {
    for (const stream of this.streams) {
      if (stream.deviceId !== deviceId) continue;
      stream.response.end('event: revoked\ndata: {}\n\n');
      this.streams.delete(stream);
    }
  }

  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const stop of this.stops.splice(0)) await stop();
    for (const stream of this.streams) stream.response.end();
    this.streams.clear();
  }

  /** An empty payload (the listener reconnected and may have missed some) re-reads every shop with streams. */
  private async onLibraryChange(payload: string): Promise<void> {
    const shops = payload
      ? [(JSON.parse(payload) as { shop: number }).shop]
      : [...new Set([...this.streams].map((stream) => stream.shopId))];
    for (const shopId of shops) {
      const listeners = [...this.streams].filter((stream) => stream.shopId === shopId);
      if (!listeners.length) continue;
      // One read and one serialisation per node and change, however many agents are connected.
      const state = await readLibrary(this.db, shopId);
      const event = libraryEvent(state.revision, JSON.stringify(state));
      for (const stream of listeners) this.send(stream, state.revision, event);
    }
  }

  private onFeedback(payload: string): void {
    if (!payload) return;
    const { shop, id, agent } = JSON.parse(payload) as { shop: number; id: number; agent: number };
    const event = `event: feedback\ndata: ${JSON.stringify({ id, agent })}\n\n`;
    for (const stream of this.streams) if (stream.shopId === shop && stream.isAdmin) stream.response.write(event);
  }

  private send(stream: Stream, revision: number, event: string): void {
    if (revision <= stream.revision || !this.streams.has(stream)) return;
    stream.revision = revision;
    stream.response.write(event);
  }
}

const libraryEvent = (revision: number, json: string) => `id: ${revision}\nevent: library\ndata: ${json}\n\n`;
