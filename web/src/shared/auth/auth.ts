// Sign-in through Keycloak (authorization code + PKCE) for the front-ends. The tokens live in this page's
// memory only: nothing about them is written to localStorage or sessionStorage (only the one-time PKCE
// verifier and state sit in sessionStorage across the redirect to Keycloak, and are removed on return).
// One getAccessToken() renews the token shortly before it expires, one renewal at a time. When the
// session has ended, calls wait while the person signs in again in a popup: the page, and whatever was
// typed into it, stays as it was, and the waiting calls then go on.
import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

import type { RuntimeConfig } from '../config';
import { store } from '../data/store';

export interface Person {
  username: string;
  name: string;
  roles: readonly string[];
}

export type SessionState =
  | { status: 'starting' }
  | { status: 'signed-in'; person: Person }
  | { status: 'expired'; person: Person; error?: string }
  | { status: 'failed'; error: string };

/** Renew when less than this is left of the access token's life. */
const RENEW_BEFORE_SECONDS = 30;
const POPUP_PATH = 'auth/popup';

export interface Auth {
  readonly session: ReturnType<typeof store<SessionState>>;
  /** Finishes a sign-in that returns from Keycloak, or goes there; resolves once signed in. */
  start(): Promise<void>;
  /** A valid access token; renews it first when it is about to expire, or waits for a new sign-in. */
  getAccessToken(): Promise<string>;
  /** After the session ended: sign in again in a popup (call from a click). */
  signInAgain(): Promise<void>;
  signOut(): Promise<void>;
  hasRole(...roles: string[]): boolean;
}

/** True when this page is the popup Keycloak returns to; it hands the answer to its opener and closes. */
export function isSignInPopup(base: string): boolean {
  return window.location.pathname === `${base}${POPUP_PATH}` && window.opener != null;
}

export async function completeSignInPopup(config: RuntimeConfig, base: string): Promise<void> {
  await managerFor(config, base).signinPopupCallback();
}

function managerFor(config: RuntimeConfig, base: string): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: `${config.keycloakUrl}/realms/${encodeURIComponent(config.realm)}`,
    client_id: config.clientId,
    redirect_uri: `${origin}${base}`,
    popup_redirect_uri: `${origin}${base}${POPUP_PATH}`,
    post_logout_redirect_uri: `${origin}${base}`,
    response_type: 'code',
    scope: 'openid',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
  });
}

/** The realm roles and names an access token carries (read for the screens; the server checks them). */
export function personOf(accessToken: string): Person {
  const part = accessToken.split('.')[1] ?? '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
  const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as {
    preferred_username?: string;
    name?: string;
    realm_access?: { roles?: string[] };
  };
  const username = claims.preferred_username ?? '';
  return { username, name: claims.name ?? username, roles: claims.realm_access?.roles ?? [] };
}

export function createAuth(config: RuntimeConfig, base: string): Auth {
  const manager = managerFor(config, base);
  const session = store<SessionState>({ status: 'starting' });
  let user: User | null = null;
  let renewing: Promise<User> | null = null;
  let waitingForSignIn: { promise: Promise<User>; resolve: (user: User) => void } | null = null;

  function signedIn(next: User) {
    user = next;
    session.set({ status: 'signed-in', person: personOf(next.access_token) });
  }

  function sessionEnded(error?: string): Promise<User> {
    const current = session.get();
    const person = current.status === 'signed-in' || current.status === 'expired' ? current.person : { username: '', name: '', roles: [] };
    session.set({ status: 'expired', person, ...(error ? { error } : {}) });
    if (!waitingForSignIn) {
      let resolve!: (user: User) => void;
      const promise = new Promise<User>((r) => (resolve = r));
      waitingForSignIn = { promise, resolve };
    }
    return waitingForSignIn.promise;
  }

  async function renew(): Promise<User> {
    if (!user?.refresh_token) return sessionEnded();
    try {
      const next = await manager.signinSilent();
      if (!next) return sessionEnded();
      signedIn(next);
      return next;
    } catch {
      // The refresh token was refused: the session at Keycloak has ended (idle, logged out, revoked).
      return sessionEnded();
    }
  }

  return {
    session,
    async start() {
      const url = new URL(window.location.href);
      if (url.searchParams.has('state') && (url.searchParams.has('code') || url.searchParams.has('error'))) {
        try {
          const returned = await manager.signinRedirectCallback();
          signedIn(returned);
          const target = typeof returned.state === 'string' && returned.state.startsWith(base) ? returned.state : base;
          window.history.replaceState(null, '', target);
          return;
        } catch (error) {
          session.set({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
          return;
        }
      }
      await manager.signinRedirect({ state: `${url.pathname}${url.search}` });
      await new Promise<never>(() => undefined); // the browser is on its way to Keycloak
    },
    async getAccessToken() {
      const current = user;
      if (current && !current.expired && (current.expires_in ?? 0) > RENEW_BEFORE_SECONDS && session.get().status === 'signed-in') {
        return current.access_token;
      }
      if (session.get().status === 'expired' && waitingForSignIn) {
        return (await waitingForSignIn.promise).access_token;
      }
      renewing ??= renew().finally(() => (renewing = null));
      return (await renewing).access_token;
    },
    async signInAgain() {
      try {
        const next = await manager.signinPopup();
        signedIn(next);
        const waiting = waitingForSignIn;
        waitingForSignIn = null;
        waiting?.resolve(next);
      } catch (error) {
        sessionEnded(error instanceof Error ? error.message : String(error));
      }
    },
    async signOut() {
      const idToken = user?.id_token;
      user = null;
      await manager.signoutRedirect(idToken ? { id_token_hint: idToken } : {});
    },
    hasRole(...roles) {
      const current = session.get();
      return current.status !== 'starting' && current.status !== 'failed' && roles.some((role) => current.person.roles.includes(role));
    },
  };
}
