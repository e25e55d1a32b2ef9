/**
 * The shop's library from the shop server. The local store (IndexedDB) holds the last copy, so suggestions read
 * memory and never wait for the network; the live stream (GET /api/live) replaces that copy with each revision
 * as the admin saves it, and open popups ask again. An admin's edits go to the server from the revision the copy
 * holds; a clash comes back with both texts and the copy becomes the server's, so nothing typed is lost.
 *
 * MV3 stops an idle worker after 30 s, and with it the stream. While an agent works, the chat tab's keep-awake
 * port keeps the worker (and so the stream) up; otherwise the stream is opened again at each worker start and by
 * an alarm every minute, and catches up from its revision (`?revision=N`: the server sends the library if newer).
 */

import type { LibraryWrite } from '@/entrypoints/background/shop';
import type { ShopServerLink } from '@/entrypoints/background/shop-server';
import { CodedError, type ErrorData, toErrorData } from '@/lib/messages/errors';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { LibraryConflictError, type LibraryState, streamServer } from '@/lib/shop-server/client';
import { readServerEvents } from '@/lib/shop-server/live';
import type { ServerStatus } from '@/lib/shop-server/status';
import { packData, parsePack, toPack } from '@/lib/store/pack';
import type { ShopStore } from '@/lib/store/shop-store';
import type { ReplyPack, ShopData } from '@/lib/store/types';

const ALARM = 'shopServerLive';
/** Waits between reconnects, then the last one over and over; a little jitter keeps 500 agents apart. */
const RETRY_MS = [1000, 2000, 4000, 8000, 15_000];
/** The server writes a heartbeat every 25 s: this long without a byte, the connection is dead. */
const SILENCE_MS = 65_000;

interface SyncOptions {
  link: ShopServerLink;
  /** Tells open popups to ask again. */
  changed: () => Promise<void>;
}

/** Whether a browser's library holds anything the shop decided: the settings count only when not the defaults. */
const hasEdits = (data: ShopData) =>
  data.slots.length > 0 ||
  data.disabledIntents.length > 0 ||
  data.rules.length > 0 ||
  Object.keys(data.selectorOverrides ?? {}).length > 0 ||
  Object.entries(data.settings).some(
    ([key, value]) => value !== undefined && value !== DEFAULT_SETTINGS[key as keyof typeof DEFAULT_SETTINGS],
  );

const sameLibrary = (a: ShopData, b: ShopData) =>
  JSON.stringify(toPack(a, new Date(0))) === JSON.stringify(toPack(b, new Date(0)));

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((done) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        done();
      },
      { once: true },
    );
  });

/** A clash on one reply's text is worded as the reply editor's own conflict, which shows both texts side by side. */
function asReplyConflict(error: LibraryConflictError): CodedError {
  const [only, ...more] = error.conflicts;
  if (!more.length && (only?.area === 'reply' || only?.area === 'own') && only.theirs !== undefined && only.yours) {
    return new CodedError('replyConflict', { theirs: only.theirs, yours: only.yours });
  }
  return error;
}

export function createLibrarySync({ link, changed }: SyncOptions) {
  let store: Promise<ShopStore | null> = Promise.resolve(null);
  let stream: AbortController | null = null;
  /** The last status heard, for the suggestion path, which must not wait. */
  let refusedBecause: ErrorData | null = null;
  /** Copies from the server and the admin's saves take turns, so each starts from what the last one left. */
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    const next = turn.then(run);
    turn = next.catch(() => undefined);
    return next;
  };

  /**
   * Makes the local copy the server's library at `state.revision`, unless it already holds that or newer. The
   * admin who just created the shop brings this browser's library along: an empty new shop gets it as revision 1.
   */
  function takeCopy(state: LibraryState): Promise<void> {
    return inTurn(async () => {
      const [connection, local] = await Promise.all([link.connection(), store]);
      if (!connection || !local || state.revision <= connection.revision) return;
      let next = state;
      const mine = local.snapshot().local;
      if (connection.revision < 0 && state.revision === 0 && connection.role === 'admin' && hasEdits(mine)) {
        next = await link.call<LibraryState>('/api/library', {
          method: 'PUT',
          body: { baseRevision: 0, library: toPack(mine) },
        });
      }
      await local.replaceLibrary(packData(parsePack(next.library)));
      await link.setRevision(next.revision);
      await changed();
    });
  }

  async function follow(signal: AbortSignal): Promise<void> {
    for (let attempt = 0; !signal.aborted; ) {
      const [auth, connection] = await Promise.all([link.auth(), link.connection()]);
      if (!auth || !connection) return;
      const silent = new AbortController();
      let silence: ReturnType<typeof setTimeout> | undefined;
      const listen = () => {
        clearTimeout(silence);
        silence = setTimeout(() => silent.abort(), SILENCE_MS);
      };
      try {
        const query = connection.revision >= 0 ? `?revision=${connection.revision}` : '';
        const body = await streamServer(auth, `/api/live${query}`, AbortSignal.any([signal, silent.signal]));
        listen();
        attempt = 0;
        await link.report(null);
        for await (const event of readServerEvents(body, listen)) {
          if (event.event === 'library') await takeCopy(JSON.parse(event.data) as LibraryState);
          else if (event.event === 'revoked') throw new CodedError('serverRevoked');
        }
        // The server ended the stream: it is stopping (or restarting).
        throw new CodedError('serverDown', { url: auth.serverUrl });
      } catch (error) {
        if (signal.aborted) return;
        // A stream silent past the heartbeats is a connection that died without saying so.
        const reason = silent.signal.aborted ? new CodedError('serverDown', { url: auth.serverUrl }) : error;
        await link.report(reason);
        const { code } = toErrorData(reason);
        if (code === 'serverRevoked' || code === 'serverUnauthorized') return;
      } finally {
        clearTimeout(silence);
      }
      const wait = RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)];
      await sleep(wait * (0.8 + Math.random() * 0.4), signal);
    }
  }

  /** Opens the stream unless it is open (a worker start, the alarm, a new connection). */
  function follows(): void {
    if (stream) return;
    const controller = new AbortController();
    stream = controller;
    void follow(controller.signal).finally(() => {
      if (stream === controller) stream = null;
    });
  }

  function stop(): void {
    stream?.abort();
    stream = null;
  }

  function onStatus(status: ServerStatus): void {
    const wasRefused = refusedBecause !== null;
    refusedBecause = status.state === 'refused' ? (status.reason ?? null) : null;
    // Open popups ask again, so a refused agent reads why at once.
    if (wasRefused !== (refusedBecause !== null)) void changed();
    if (status.state === 'none' || status.state === 'refused') {
      stop();
      void browser.alarms?.clear(ALARM);
      return;
    }
    follows();
    void browser.alarms?.get(ALARM).then((alarm) => {
      if (!alarm) void browser.alarms.create(ALARM, { periodInMinutes: 1 });
    });
  }

  /** An admin's write: made locally (the store checks it), then saved on the server from the copy's revision. */
  const libraryWrite: LibraryWrite = async (local, write, touchesLibrary) => {
    if (!touchesLibrary) return write();
    const connection = await link.connection();
    if (!connection || connection.refused) return write();
    if (connection.role !== 'admin') throw new CodedError('libraryReadOnly');
    return inTurn(async () => {
      // Read again in turn: a copy taken meanwhile moved the revision.
      const base = await link.connection();
      if (!base || base.revision < 0) throw new CodedError('serverDown', { url: connection.serverUrl });
      const before = local.snapshot().local;
      const written = await write();
      if (sameLibrary(before, written.local)) return written;
      try {
        const saved = await link.call<LibraryState>('/api/library', {
          method: 'PUT',
          body: { baseRevision: base.revision, library: toPack(written.local) },
        });
        // The server merged this edit with any made since the copy's revision: its library is the truth.
        const merged = await local.replaceLibrary(packData(parsePack(saved.library)));
        await link.setRevision(saved.revision);
        return merged;
      } catch (error) {
        if (error instanceof LibraryConflictError) {
          await local.replaceLibrary(packData(parsePack(error.current.library)));
          await link.setRevision(error.current.revision);
          void changed();
          throw asReplyConflict(error);
        }
        // Not saved on the server: the copy goes back to the shop's library; the page still has what was typed.
        await local.replaceLibrary(before);
        void changed();
        throw error;
      }
    });
  };

  return {
    libraryWrite,
    /** Why the shop refused this browser, if it did; read on every suggestion. */
    serverProblem: () => refusedBecause,
    /** Starts following the shop's library once the store is open (at each worker start). */
    async start(opened: Promise<ShopStore | null>): Promise<void> {
      store = opened;
      link.onStatus(onStatus);
      browser.alarms?.onAlarm.addListener((alarm) => {
        if (alarm.name === ALARM) void link.status().then(onStatus);
      });
      onStatus(await link.status());
    },
    /** The library as a pack: the server's when it answers, else the local copy (the same library, maybe older). */
    async exportPack(local: ShopStore): Promise<ReplyPack> {
      if (!(await link.auth())) return local.exportPack();
      try {
        return (await link.call<LibraryState>('/api/library')).library;
      } catch {
        return local.exportPack();
      }
    },
  };
}
