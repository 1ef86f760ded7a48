// Runtime settings, read once at start from config.json next to the app (the gateway serves it from its own
// configuration): one build for every environment.

export interface RuntimeConfig {
  /** Keycloak's base URL, e.g. http://localhost:8180 */
  keycloakUrl: string;
  realm: string;
  /** The realm's public client this app signs in with (authorization code + PKCE). */
  clientId: string;
  /** The gateway's URL; empty when the gateway serves the app (same origin). */
  gatewayUrl: string;
}

export async function loadConfig(base: string): Promise<RuntimeConfig> {
  const response = await fetch(`${base}config.json`, { cache: 'no-cache', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`${base}config.json answered ${response.status}`);
  }
  const config = (await response.json()) as Partial<RuntimeConfig>;
  for (const key of ['keycloakUrl', 'realm', 'clientId'] as const) {
    if (typeof config[key] !== 'string' || config[key] === '') {
      throw new Error(`${base}config.json lacks ${key}`);
    }
  }
  return {
    keycloakUrl: config.keycloakUrl!.replace(/\/+$/, ''),
    realm: config.realm!,
    clientId: config.clientId!,
    gatewayUrl: (config.gatewayUrl ?? '').replace(/\/+$/, ''),
  };
}
