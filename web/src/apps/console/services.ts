// The console's services, made once at start: its settings, sign-in, and the one API client.
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { createAuth, type Auth } from '../../shared/auth/auth';
import type { RuntimeConfig } from '../../shared/config';
import { locale } from '../../shared/i18n/i18n';

export interface Services {
  config: RuntimeConfig;
  auth: Auth;
  api: ApiClient;
}

let services: Services | undefined;

export function initServices(config: RuntimeConfig, base: string): Services {
  const auth = createAuth(config, base);
  const api = createApiClient({
    baseUrl: config.gatewayUrl || window.location.origin,
    getAccessToken: () => auth.getAccessToken(),
    language: () => locale.get(),
  });
  services = { config, auth, api };
  return services;
}

function get(): Services {
  if (!services) throw new Error('initServices() first');
  return services;
}

export const auth = (): Auth => get().auth;
export const api = (): ApiClient => get().api;
