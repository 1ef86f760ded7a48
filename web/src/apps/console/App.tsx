// The console's shell: header and navigation, the route outlet with its one role guard, the language switch,
// and the dialog that asks to sign in again when the session has ended (the page underneath stays as it is).
import { useEffect, useRef } from 'preact/hooks';

import type { SessionState } from '../../shared/auth/auth';
import { useStore } from '../../shared/data/useStore';
import { LOCALES, SharedText, setLocale, type Locale } from '../../shared/i18n/i18n';
import { LazyPage, Link, match, useLocation, type RouteDefinition } from '../../shared/router/router';
import { Loading, Outdated } from '../../shared/ui/states';
import { useT, type MessageKey } from './i18n';
import { approvalsLink, customerSearchLink, dashboardLink, queueLink } from './links';
import { routes } from './routes';
import { auth } from './services';

export function App() {
  const { t } = useT();
  const session = useStore(auth().session);
  const text = (key: string, params?: Record<string, string | number>) => t(key as MessageKey, params);
  return (
    <SharedText.Provider value={text}>
      {session.status === 'starting' && <main id="main" class="boot"><Loading label={t('auth.signingIn')} /></main>}
      {session.status === 'failed' && <SignInFailed error={session.error} />}
      {(session.status === 'signed-in' || session.status === 'expired') && <Shell session={session} />}
    </SharedText.Provider>
  );
}

function SignInFailed({ error }: { error: string }) {
  const { t } = useT();
  return (
    <main id="main" class="boot">
      <h1>{t('auth.failed.title')}</h1>
      <p role="alert">{error}</p>
      <a class="button" href={queueLink()}>{t('auth.failed.again')}</a>
    </main>
  );
}

function Shell({ session }: { session: Extract<SessionState, { person: unknown }> }) {
  const { t, locale } = useT();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const found = findRoute(location.path);
  const query = new URLSearchParams(location.search);

  useEffect(() => {
    document.title = `${found ? t(found.route.titleKey as MessageKey) : t('app.notFound.title')} · ${t('app.name')}`;
    // After an in-app navigation, put keyboard and screen-reader focus on the new page.
    if (!first.current) main.current?.focus();
    first.current = false;
  }, [location.path, locale]);

  const allowed = found && found.route.roles.some((role) => session.person.roles.includes(role));
  const supervisor = ['supervisor', 'admin'].some((role) => session.person.roles.includes(role));
  const current = (path: string) => (location.path === path ? 'page' : undefined);
  // While the session-ended dialog is up, the page stays as it is but cannot be used (the dialog is modal).
  const ended = session.status === 'expired';
  return (
    <>
      <a class="skip" href="#main" inert={ended}>{t('app.skipToContent')}</a>
      <header class="top" inert={ended}>
        <p class="brand"><Link href={queueLink()}>{t('app.name')}</Link></p>
        <nav aria-label={t('app.nav.label')}>
          <ul>
            <li><Link href={queueLink()} aria-current={current('')}>{t('queue.page.title')}</Link></li>
            <li><Link href={customerSearchLink()} aria-current={current('customers')}>{t('customer.search.title')}</Link></li>
            <li><Link href={dashboardLink()} aria-current={current('dashboard')}>{t('dashboard.page.title')}</Link></li>
            {supervisor && <li><Link href={approvalsLink()} aria-current={current('approvals')}>{t('approvals.page.title')}</Link></li>}
          </ul>
        </nav>
        <div class="account">
          <label class="language">
            <span class="visually-hidden">{t('app.language')}</span>
            <select value={locale} onChange={(e) => setLocale(e.currentTarget.value as Locale)}>
              {LOCALES.map((value) => <option key={value} value={value} lang={value}>{t(`app.language.${value}`)}</option>)}
            </select>
          </label>
          <span class="person" data-testid="signed-in-as">{session.person.name}</span>
          <button type="button" class="button link" onClick={() => void auth().signOut()}>{t('auth.signOut')}</button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} inert={ended}>
        {!found && <NotFound />}
        {found && !allowed && (
          <div class="page"><h1>{t('app.forbidden.title')}</h1><p>{t('app.forbidden.text')}</p></div>
        )}
        {found && allowed && (
          <LazyPage key={found.route.path} route={found.route} params={found.params} query={query}
            loading={<Loading />} outdated={<Outdated />} />
        )}
      </main>
      {session.status === 'expired' && <SessionEnded error={session.error} />}
    </>
  );
}

function findRoute(path: string): { route: RouteDefinition<any>; params: Record<string, string> } | null {
  for (const route of routes) {
    const params = match(route, path);
    if (params) return { route, params };
  }
  return null;
}

function NotFound() {
  const { t } = useT();
  return (
    <div class="page">
      <h1>{t('app.notFound.title')}</h1>
      <p><Link href={queueLink()}>{t('app.notFound.back')}</Link></p>
    </div>
  );
}

/** The session ended: sign in again in a popup, keeping this page (and what was typed) as it is. */
function SessionEnded({ error }: { error: string | undefined }) {
  const { t } = useT();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <div class="overlay">
      <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="session-ended-title" aria-describedby="session-ended-text">
        <h2 id="session-ended-title">{t('auth.expired.title')}</h2>
        <p id="session-ended-text">{t('auth.expired.text')}</p>
        {error && <p class="problem" role="alert">{t('auth.expired.popupFailed')}</p>}
        <button ref={button} type="button" class="button" onClick={() => void auth().signInAgain()}>
          {t('auth.expired.signIn')}
        </button>
      </div>
    </div>
  );
}
