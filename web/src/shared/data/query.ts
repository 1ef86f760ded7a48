// One cache for what screens read from the API, keyed by strings such as `case:<id>`. Lists and the live
// event stream share it: an event invalidates the keys it affects, and every screen showing them fetches
// again (keeping what it shows until the new answer arrives). A failed fetch keeps the last good data.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type QueryStatus = 'loading' | 'success' | 'error';

interface Entry {
  data?: unknown;
  error?: unknown;
  status: QueryStatus;
  fetching: boolean;
  stale: boolean;
  fetchedAt: number;
  fetcher: () => Promise<unknown>;
  listeners: Set<() => void>;
  run?: Promise<void>;
}

const cache = new Map<string, Entry>();
const FRESH_MS = 5_000;

function notify(entry: Entry) {
  for (const listener of [...entry.listeners]) listener();
}

function fetchEntry(entry: Entry): Promise<void> {
  if (entry.run) return entry.run;
  entry.fetching = true;
  entry.stale = false;
  notify(entry);
  entry.run = entry.fetcher().then(
    (data) => {
      entry.data = data;
      entry.error = undefined;
      entry.fetchedAt = Date.now();
      entry.status = 'success';
    },
    (error: unknown) => {
      entry.error = error;
      entry.status = entry.data === undefined ? 'error' : 'success';
    },
  ).finally(() => {
    entry.fetching = false;
    entry.run = undefined;
    notify(entry);
    // Invalidated while this fetch ran: the answer may predate the change.
    if (entry.stale && entry.listeners.size > 0) void fetchEntry(entry);
  });
  return entry.run;
}

/** Marks every key starting with the prefix stale; those on screen are fetched again at once. */
export function invalidate(prefix: string): void {
  for (const [key, entry] of cache) {
    if (!key.startsWith(prefix)) continue;
    entry.stale = true;
    if (entry.listeners.size > 0 && !entry.fetching) void fetchEntry(entry);
  }
}

/** Replaces a key's data (e.g. with the answer of a write), without a fetch. */
export function setQueryData<T>(key: string, update: (current: T | undefined) => T): void {
  const entry = cache.get(key);
  if (!entry) return;
  entry.data = update(entry.data as T | undefined);
  entry.status = 'success';
  entry.error = undefined;
  notify(entry);
}

export interface QueryResult<T> {
  data: T | undefined;
  error: unknown;
  status: QueryStatus;
  /** A fetch is running (the first one, or a refresh while `data` is shown). */
  fetching: boolean;
  refetch: () => Promise<void>;
}

/**
 * The cached answer for `key`, fetched with `fetcher` when missing or stale. A null key fetches nothing
 * (e.g. while a parameter is not known yet). `refreshEvery` (ms) fetches again while the screen shows it.
 */
export function useQuery<T>(key: string | null, fetcher: () => Promise<T>, options: { refreshEvery?: number } = {}): QueryResult<T> {
  const [, setTick] = useState(0);
  const rerender = useCallback(() => setTick((n) => n + 1), []);
  const latest = useRef(fetcher);
  latest.current = fetcher;

  let entry = key === null ? undefined : cache.get(key);
  if (key !== null && !entry) {
    entry = { status: 'loading', fetching: false, stale: true, fetchedAt: 0, fetcher: () => latest.current(), listeners: new Set() };
    cache.set(key, entry);
  }

  useEffect(() => {
    if (!entry) return;
    entry.fetcher = () => latest.current();
    entry.listeners.add(rerender);
    // A screen that opens shows what is cached and fetches it again unless it is a few seconds old.
    if (entry.stale || entry.status === 'error' || Date.now() - entry.fetchedAt > FRESH_MS) void fetchEntry(entry);
    const timer = options.refreshEvery ? window.setInterval(() => void fetchEntry(entry), options.refreshEvery) : undefined;
    return () => {
      entry.listeners.delete(rerender);
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [entry, options.refreshEvery]);

  const refetch = useCallback(() => (entry ? fetchEntry(entry) : Promise.resolve()), [entry]);
  return {
    data: entry?.data as T | undefined,
    error: entry?.error,
    status: entry?.status ?? 'loading',
    fetching: entry?.fetching ?? false,
    refetch,
  };
}
