// What the journeys share: the signed-in sessions per role, seeding through the API (as a customer would,
// with tokens by password from the local realm's motcrm-cli client) and a few page helpers.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';

export const GATEWAY = (process.env.MOTCRM_GATEWAY_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
export const KEYCLOAK = (process.env.MOTCRM_KEYCLOAK_URL ?? 'http://localhost:8180').replace(/\/+$/, '');
/** The local realm's demo users' password (keycloak/motcrm-realm.json; local development only). */
export const DEMO_PASSWORD = 'motcrm-dev';

export type Role = 'agent' | 'supervisor' | 'admin';
export const USERS: Record<Role, { username: string; name: string }> = {
  agent: { username: 'agent.kim', name: 'Min-ji Kim' },
  supervisor: { username: 'supervisor.lee', name: 'Ji-hoon Lee' },
  admin: { username: 'admin.park', name: 'Soo-jin Park' },
};
export const stateFile = (role: Role) => `e2e/.auth/${role}.json`;

/** A browser context signed in as the role (the Keycloak session from the setup project). */
export async function signedIn(browser: Browser, role: Role): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ storageState: stateFile(role) });
  return { context, page: await context.newPage() };
}

async function token(username: string): Promise<string> {
  const response = await fetch(`${KEYCLOAK}/realms/motcrm/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'motcrm-cli', username, password: DEMO_PASSWORD }),
  });
  expect(response.status, `token for ${username}`).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function call<T>(username: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${GATEWAY}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${await token(username)}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  expect(response.ok, `${method} ${path}: ${response.status} ${text}`).toBe(true);
  return JSON.parse(text) as T;
}

/** customer.jun complains at the call centre with a text no other run uses; the complaint opens a case. */
export async function seedComplaint(label: string): Promise<{ text: string; caseId: string; feedbackId: string }> {
  const text = `${label} ${randomUUID()}: waited 40 minutes on the phone`;
  const feedback = await call<{ id: string; caseId: string | null }>('customer.jun', 'POST', '/api/v1/feedback',
    { type: 'COMPLAINT', touchpointCode: 'call-centre', csat: 1, text }, { 'Idempotency-Key': randomUUID() });
  expect(feedback.caseId, 'a complaint opens a case').toBeTruthy();
  return { text, caseId: feedback.caseId!, feedbackId: feedback.id };
}

/** customer.jun rates a touchpoint with a text no other run uses (a passive rating: it opens no case). */
export async function seedRating(touchpointCode: string, label: string): Promise<{ text: string; feedbackId: string }> {
  const text = `${label} ${randomUUID()}: fine, nothing special`;
  const feedback = await call<{ id: string }>('customer.jun', 'POST', '/api/v1/feedback',
    { type: 'RATING', touchpointCode, csat: 4, nps: 8, text }, { 'Idempotency-Key': randomUUID() });
  return { text, feedbackId: feedback.id };
}

/** A touchpoint's feedback volume in the MOT report of the last `days` days, as agent.kim reads it. */
export async function motVolume(touchpointCode: string, days: number): Promise<number> {
  const to = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 60_000);
  const from = new Date(to.getTime() - days * 86_400_000);
  const report = await call<{ rows: { key: string; volume: number }[] }>('agent.kim', 'GET',
    `/api/v1/mot/analytics?groupBy=touchpoint&from=${from.toISOString()}&to=${to.toISOString()}`);
  return report.rows.find((row) => row.key === touchpointCode)?.volume ?? 0;
}

/**
 * agent.kim signs up a customer no other run uses and records a web order for them; returns once the order's
 * points are on the customer's statement (they travel through the outbox).
 */
export async function seedCustomerWithPurchase(label: string): Promise<{ id: string; memberCode: string; name: string; orderId: string }> {
  const unique = randomUUID();
  const name = `${label} ${unique.slice(0, 8)}`;
  const customer = await call<{ id: string; memberCode: string }>('agent.kim', 'POST', '/api/v1/customers',
    { name, email: `e2e-${unique}@example.com` }, { 'Idempotency-Key': randomUUID() });
  const orderId = `WS-${unique}`;
  await call('agent.kim', 'POST', `/api/v1/customers/${customer.id}/purchases`, {
    source: 'web-shop', externalOrderId: orderId, occurredAt: new Date().toISOString(), channel: 'WEB',
    lines: [{ sku: 'TEA-GREEN-100', category: 'tea', quantity: 2, unitPriceMinor: 12000 }],
  }, { 'Idempotency-Key': randomUUID() });
  // The points account opens through the outbox too: until it has, the statement answers 404.
  const accessToken = await token('agent.kim');
  await expect.poll(async () => {
    const response = await fetch(`${GATEWAY}/api/v1/loyalty/customers/${customer.id}/statement`,
      { headers: { Authorization: `Bearer ${accessToken}`, 'X-Access-Purpose': 'Browser test seeding' } });
    return response.ok ? ((await response.json()) as { totalItems: number }).totalItems : -response.status; // e.g. -404
  }, { timeout: 20_000 }).toBeGreaterThan(0);
  return { id: customer.id, memberCode: customer.memberCode, name, orderId };
}

/** customer.jun's available points, as the customer app reads them. */
export async function junsPoints(): Promise<number> {
  return (await call<{ available: number }>('customer.jun', 'GET', '/api/v1/me/loyalty/balance')).available;
}

/** Moves a case on as agent.kim would (acknowledged, then in progress), so that it can be resolved. */
export async function startWorkOn(caseId: string): Promise<void> {
  for (const status of ['ACKNOWLEDGED', 'IN_PROGRESS']) {
    await call('agent.kim', 'POST', `/api/v1/cases/${caseId}/status`, { status });
  }
}

/** Axe with the WCAG 2.x A and AA rules; the serious and critical findings, described for the failure message. */
export async function seriousAccessibilityFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The queue page is interactive: its list (or the list's empty state) is shown. */
export async function queueReady(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('table.cases, .state-empty').first()).toBeVisible();
}

/**
 * The live stream is open. The gateway sends an event stream's headers with its first event or keep-alive
 * (at most 15 s), so this can take that long on a quiet suite.
 */
export async function liveOpen(page: Page): Promise<void> {
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'open', { timeout: 20_000 });
}

/** Gives the access purpose the console asks for once per session, when it asks. */
export async function givePurpose(page: Page, purpose = 'Handling a complaint case'): Promise<void> {
  await page.getByLabel('Purpose').fill(purpose);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Ends every Keycloak session of a user, as an administrator (or the idle timeout) would. */
export async function endSessionsOf(username: string): Promise<void> {
  const admin = await fetch(`${KEYCLOAK}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password', client_id: 'admin-cli', username: 'admin',
      password: process.env.MOTCRM_KEYCLOAK_ADMIN_PASSWORD ?? 'admin', // Keycloak's local bootstrap admin (./crm)
    }),
  });
  expect(admin.status, 'Keycloak admin token').toBe(200);
  const headers = { Authorization: `Bearer ${((await admin.json()) as { access_token: string }).access_token}` };
  const users = (await (await fetch(`${KEYCLOAK}/admin/realms/motcrm/users?exact=true&username=${encodeURIComponent(username)}`,
    { headers })).json()) as { id: string }[];
  expect(users).toHaveLength(1);
  const logout = await fetch(`${KEYCLOAK}/admin/realms/motcrm/users/${users[0]!.id}/logout`, { method: 'POST', headers });
  expect(logout.status).toBe(204);
}

/** Keycloak's login form, in whichever page shows it. */
export async function signInOnKeycloak(page: Page, username: string): Promise<void> {
  await page.getByLabel(/username/i).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /sign in/i }).click();
}
