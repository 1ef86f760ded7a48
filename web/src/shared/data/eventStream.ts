// Server-sent events over fetch: a browser EventSource cannot send an Authorization header. `connect` opens
// the stream (through the API client, so each connection carries a fresh token); after a drop it is called
// again with the id of the last event received (Last-Event-ID), waiting longer after each failure.

export interface StreamEvent {
  id: string | undefined;
  event: string;
  data: string;
}

export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface EventStreamOptions {
  connect: (lastEventId: string | undefined, signal: AbortSignal) => Promise<Response>;
  onEvent: (event: StreamEvent) => void;
  onState?: (state: StreamState) => void;
  /** First wait after a failure; it doubles up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/** Parses an event-stream body until it ends, calling `emit` per event. */
export async function readEvents(body: ReadableStream<Uint8Array>, emit: (event: StreamEvent) => void, signal?: AbortSignal): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let id: string | undefined;
  let event = '';
  let data: string[] = [];
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', cancel);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (data.length > 0) emit({ id, event: event || 'message', data: data.join('\n') });
          event = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue; // a comment: keep-alive
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') data.push(text);
        else if (field === 'event') event = text;
        else if (field === 'id' && !text.includes('\0')) id = text;
      }
    }
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}

/** Keeps the stream open until the returned function is called. */
export function openEventStream(options: EventStreamOptions): () => void {
  const controller = new AbortController();
  const initial = options.initialDelayMs ?? 1_000;
  const max = options.maxDelayMs ?? 30_000;
  let lastEventId: string | undefined;
  let delay = initial;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = window.setTimeout(resolve, ms);
      controller.signal.addEventListener('abort', () => {
        window.clearTimeout(timer);
        resolve();
      });
    });

  void (async () => {
    options.onState?.('connecting');
    while (!controller.signal.aborted) {
      try {
        const response = await options.connect(lastEventId, controller.signal);
        if (response.ok && response.body) {
          options.onState?.('open');
          delay = initial;
          await readEvents(response.body, (event) => {
            if (event.id !== undefined) lastEventId = event.id;
            options.onEvent(event);
          }, controller.signal);
        } else {
          await response.body?.cancel().catch(() => undefined);
        }
      } catch {
        // dropped or refused: try again below
      }
      if (controller.signal.aborted) break;
      options.onState?.('reconnecting');
      await wait(delay * (0.8 + Math.random() * 0.4));
      delay = Math.min(delay * 2, max);
    }
    options.onState?.('closed');
  })();

  return () => controller.abort();
}
