// When the session ends, nothing typed is lost: the console asks to sign in again in a popup, and the write
// that was waiting goes on once the person is back.
import { expect, test } from '@playwright/test';

import { endSessionsOf, seedComplaint, signInOnKeycloak } from './support';

// agent.choi, so that ending their sessions leaves the other journeys' signed-in roles alone.
const USER = 'agent.choi';

test('after the session ends, signing in again in a popup keeps the typed note and sends it', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.clock.install();
  const complaint = await seedComplaint('Session');
  await page.goto(`cases/${complaint.caseId}`);
  await signInOnKeycloak(page, USER);
  await expect(page.getByTestId('feedback-text')).toHaveText(complaint.text);

  const note = `Customer called back at ${complaint.feedbackId.slice(0, 8)}: told them the refund is on its way`;
  await page.getByLabel(/New note/).fill(note);
  // The session ends at Keycloak (an administrator, or the idle timeout), and the access token runs out.
  await endSessionsOf(USER);
  await page.clock.fastForward('05:00');
  await page.getByRole('button', { name: 'Add note' }).click();

  const dialog = page.getByRole('alertdialog', { name: 'Your session has ended' });
  await expect(dialog).toBeVisible();
  await expect(page.getByLabel(/New note/)).toHaveValue(note);
  await expect(dialog.getByRole('button', { name: 'Sign in again' })).toBeFocused();
  const popupOpened = page.waitForEvent('popup');
  await dialog.getByRole('button', { name: 'Sign in again' }).click();
  const popup = await popupOpened;
  // Waited for before signing in: the popup may close as soon as the sign-in is sent.
  const popupClosed = popup.isClosed() ? Promise.resolve() : popup.waitForEvent('close');
  await signInOnKeycloak(popup, USER);
  await popupClosed;

  await expect(dialog).toBeHidden();
  // The write that waited for the new sign-in went through, with the text as typed.
  await expect(page.locator('ul.notes')).toContainText(note);
  await expect(page.getByLabel(/New note/)).toHaveValue('');
  // Still nothing of the session in the page's storage.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toMatch(/eyJ|access_token|refresh_token/);
  await context.close();
});
