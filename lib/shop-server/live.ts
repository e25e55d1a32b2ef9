/**
 * The server's live stream (GET /api/live, text/event-stream) read with fetch: an extension's service worker has
 * no EventSource, and fetch lets the token go in a header rather than the URL. Hand-written: the format the server
 * sends is a few lines per event, and a parser package would be the only new dependency of the extension.
 */
export interface ServerEvent {
  /** `library`, `revoked`, `feedback`, or `message` when the server named none. */
  event: string;
  id?: string;
  data: string;
}

/**
 * Splits a stream of server-sent-event text into events; comment lines (heartbeats) yield nothing, but
 * `onData` hears every chunk, so a silent stream can be told from a quiet one.
 */
export async function* readServerEvents(
  body: ReadableStream<Uint8Array>,
  onData: () => void = () => {},
): AsyncGenerator<ServerEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      onData();
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = parseBlock(block);
        if (event) yield event;
      }
    }
  } finally {
    reader.releaseLock();
  }
}

function parseBlock(block: string): ServerEvent | null {
  let event = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (!line || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
  }
  return data.length || event !== 'message' ? { event, id, data: data.join('\n') } : null;
}
