// Words and formats in the user's language. Messages are static keys shaped `feature.area.phrase`; an app's
// English catalogue is the reference and its Korean one is typed `Catalogue<typeof en>`, so the compiler
// (npm run typecheck) fails when ko lacks a key of en or has one en does not. Plurals go through
// Intl.PluralRules (`key.one` / `key.other`), dates and numbers through Intl in the chosen locale.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

import { store } from '../data/store';
import { useStore } from '../data/useStore';

export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

/** A translation of the reference catalogue: exactly its keys. */
export type Catalogue<Reference> = { readonly [K in keyof Reference]: string };

const STORAGE_KEY = 'motcrm.locale';

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'ko') return saved;
  return globalThis.navigator?.language?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** The chosen language (kept across visits: it is a preference, not a secret). */
export const locale = store<Locale>(initialLocale());

export function setLocale(next: Locale): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  locale.set(next);
}

export type Params = Record<string, string | number>;

export interface Translator<Key extends string> {
  locale: Locale;
  t(key: Key, params?: Params): string;
  /** `key.one` or `key.other` by the count's plural category; `{count}` is the formatted count. */
  plural(key: PluralBase<Key>, count: number, params?: Params): string;
  number(value: number): string;
  dateTime(iso: string): string;
  date(iso: string): string;
  /** e.g. "5 minutes ago", "in 2 hours". */
  relative(iso: string, now?: number): string;
  /** A span of seconds as h:mm:ss or m:ss, for countdowns. */
  duration(seconds: number): string;
}

type PluralBase<Key extends string> = Key extends `${infer Base}.one` ? Base : never;

export function translator<Key extends string>(catalogues: Record<Locale, { readonly [K in Key]: string }>, current: Locale): Translator<Key> {
  const messages = catalogues[current];
  const rules = new Intl.PluralRules(current);
  const numbers = new Intl.NumberFormat(current);
  const dateTimes = new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' });
  const dates = new Intl.DateTimeFormat(current, { dateStyle: 'medium' });
  const relatives = new Intl.RelativeTimeFormat(current, { numeric: 'auto' });
  const fill = (text: string, params?: Params) =>
    params ? text.replace(/\{(\w+)\}/g, (all, name: string) => {
      const value = params[name];
      return value === undefined ? all : typeof value === 'number' ? numbers.format(value) : value;
    }) : text;
  return {
    locale: current,
    t: (key, params) => fill(messages[key] ?? key, params),
    plural(key, count, params) {
      const category = rules.select(count) === 'one' ? 'one' : 'other';
      const text = (messages as Record<string, string>)[`${key}.${category}`] ?? (messages as Record<string, string>)[`${key}.other`] ?? key;
      return fill(text, { ...params, count });
    },
    number: (value) => numbers.format(value),
    dateTime: (iso) => dateTimes.format(new Date(iso)),
    date: (iso) => dates.format(new Date(iso)),
    relative(iso, now = Date.now()) {
      const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
      const abs = Math.abs(seconds);
      if (abs < 60) return relatives.format(seconds, 'second');
      if (abs < 3600) return relatives.format(Math.round(seconds / 60), 'minute');
      if (abs < 86400) return relatives.format(Math.round(seconds / 3600), 'hour');
      return relatives.format(Math.round(seconds / 86400), 'day');
    },
    duration(seconds) {
      const s = Math.max(0, Math.floor(seconds));
      const h = Math.floor(s / 3600);
      const m = Math.floor((s % 3600) / 60);
      const rest = String(s % 60).padStart(2, '0');
      return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
    },
  };
}

/** An app's hook: `const { t } = useT()` in any component below its provider. */
export function createI18n<Key extends string>(catalogues: Record<Locale, { readonly [K in Key]: string }>) {
  const cached = new Map<Locale, Translator<Key>>();
  const of = (current: Locale) => {
    let value = cached.get(current);
    if (!value) {
      value = translator(catalogues, current);
      cached.set(current, value);
    }
    return value;
  };
  return {
    useT(): Translator<Key> {
      return of(useStore(locale));
    },
    /** Outside components (e.g. the document title). */
    current: (): Translator<Key> => of(locale.get()),
  };
}

/** Shared UI pieces translate through whichever catalogue the app provides. */
export const SharedText = createContext<(key: string, params?: Params) => string>((key) => key);
export const useSharedText = () => useContext(SharedText);
