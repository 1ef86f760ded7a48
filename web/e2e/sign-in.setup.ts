// Signs in once per role through Keycloak's real login page. The console keeps its tokens in memory only,
// so what the journeys reuse is Keycloak's session cookie: their first visit goes to Keycloak and comes
// straight back signed in.
import { expect, test as setup } from '@playwright/test';

import { DEMO_PASSWORD, USERS, stateFile, type Role } from './support';

for (const role of Object.keys(USERS) as Role[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto('./');
    await page.getByLabel(/username/i).fill(USERS[role].username);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /sign in/i }).click();
    await expect(page.getByTestId('signed-in-as')).toHaveText(USERS[role].name);
    await expect(page.getByRole('heading', { level: 1, name: 'Case queue' })).toBeVisible();
    // Nothing of the session may sit in the page's storage: tokens are kept in memory only.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toMatch(/eyJ|access_token|refresh_token/);
    await page.context().storageState({ path: stateFile(role) });
  });
}
