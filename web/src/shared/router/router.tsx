// Client routes for an app served under a base path (e.g. /console/). Each feature declares its routes:
// a path with typed parameters, a lazily loaded page, the roles it needs (one guard checks them; the server
// still enforces every permission) and a link builder. A page chunk that fails to load after a deploy says
// a new version is available instead of breaking (Grafana's SafeDynamicImport).
import type { AnchorHTMLAttributes, ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import { store } from '../data/store';
import { useStore } from '../data/useStore';

type ParamNames<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<Rest>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never;

export type RouteParams<Path extends string> = { readonly [K in ParamNames<Path>]: string };

export interface PageProps<Path extends string> {
  params: RouteParams<Path>;
  query: URLSearchParams;
}

export interface RouteDefinition<Path extends string = string> {
  /** Relative to the app's base, without a leading slash; `:name` is a parameter. */
  path: Path;
  /** Realm roles that may open it (any of them). */
  roles: readonly string[];
  /** The page, loaded when first visited. */
  page: () => Promise<{ default: ComponentType<PageProps<Path>> }>;
  /** The message key of the page's title (document title and navigation). */
  titleKey: string;
}

export function defineRoute<Path extends string>(definition: RouteDefinition<Path>): RouteDefinition<Path> {
  return definition;
}

/** The app's base path, e.g. /console/ (Vite's BASE_URL). */
export const base: string = import.meta.env.BASE_URL;

/** The current location below the base, e.g. `cases/123?x=1`. */
export const location = store<{ path: string; search: string }>(current());

function current() {
  const path = window.location.pathname.startsWith(base) ? window.location.pathname.slice(base.length) : '';
  return { path: decodeURI(path).replace(/\/+$/, ''), search: window.location.search };
}

window.addEventListener('popstate', () => location.set(current()));

/** Reads the address again after something other than navigate() changed it (e.g. the return from sign-in). */
export function syncLocation(): void {
  location.set(current());
}

/** The URL of a client route: `href('cases/1')` is `/console/cases/1`. */
export function href(path: string, query?: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value) params.set(key, value);
  const search = params.toString();
  return `${base}${path}${search ? `?${search}` : ''}`;
}

export function navigate(url: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  location.set(current());
}

export function match<Path extends string>(route: RouteDefinition<Path>, path: string): RouteParams<Path> | null {
  const want = route.path.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i]!;
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(got[i]!);
    else if (segment !== got[i]) return null;
  }
  return params as RouteParams<Path>;
}

export function useLocation() {
  return useStore(location);
}

/** An in-app link: a real <a href> (so it opens in a new tab too) that navigates without a reload. */
export function Link(props: AnchorHTMLAttributes & { href: string }) {
  const { onClick, ...rest } = props;
  return (
    <a
      {...rest}
      onClick={(event) => {
        (onClick as ((e: MouseEvent) => void) | undefined)?.(event);
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(props.href);
      }}
    />
  );
}

type Loaded = { status: 'loading' } | { status: 'ready'; Page: ComponentType<any> } | { status: 'failed' };
const loadedPages = new Map<RouteDefinition<any>, ComponentType<any>>();

/** Loads a route's page; while loading shows `loading`, on a failed chunk `outdated`. */
export function LazyPage<Path extends string>(props: {
  route: RouteDefinition<Path>;
  params: RouteParams<Path>;
  query: URLSearchParams;
  loading: JSX.Element;
  outdated: JSX.Element;
}) {
  const known = loadedPages.get(props.route);
  const [state, setState] = useState<Loaded>(known ? { status: 'ready', Page: known } : { status: 'loading' });
  useEffect(() => {
    const already = loadedPages.get(props.route);
    if (already) {
      setState({ status: 'ready', Page: already });
      return;
    }
    let live = true;
    setState({ status: 'loading' });
    props.route.page().then(
      (module) => {
        loadedPages.set(props.route, module.default);
        if (live) setState({ status: 'ready', Page: module.default });
      },
      () => live && setState({ status: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [props.route]);
  if (state.status === 'loading') return props.loading;
  if (state.status === 'failed') return props.outdated;
  const Page = state.Page;
  return <Page params={props.params} query={props.query} />;
}
