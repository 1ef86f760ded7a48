// The customer 360's further sections: purchases, expiring points, the statement, the export file, and an
// administrator's erasure followed service by service (Keycloak's account included).
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

import { givePurpose, seedCustomerWithPurchase, seriousAccessibilityFindings, signedIn } from './support';

const PURPOSE = "Answering the customer's data request";

/** The customer-data reads the page makes, with the purpose each carried. */
function recordReads(page: Page): { path: string; purpose: string | undefined }[] {
  const reads: { path: string; purpose: string | undefined }[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() === 'GET' && /\/(purchases|statement|expiring-points|export|360)$/.test(url.pathname)) {
      reads.push({ path: url.pathname.replace(/[0-9a-f-]{36}/, '{id}'), purpose: request.headers()['x-access-purpose'] });
    }
  });
  return reads;
}

test('an agent sees purchases, expiring points and the statement, and downloads the customer’s data, each read with the purpose', async ({ browser }) => {
  const customer = await seedCustomerWithPurchase('E2E 360');
  const { context, page } = await signedIn(browser, 'agent');
  const reads = recordReads(page);
  await page.goto(`customers/${customer.id}`);
  // A header carries the purpose: text it cannot carry (here Korean) is refused in the form, not sent.
  await givePurpose(page, '고객 문의 처리');
  await expect(page.getByLabel('Purpose')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('For now the purpose can only be written in Latin letters')).toBeVisible();
  await givePurpose(page, PURPOSE.replace("'", '’')); // a typographic apostrophe is sent as a plain one
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(customer.name);

  const purchases = page.getByTestId('section-purchases');
  await expect(purchases.getByRole('row').filter({ hasText: customer.orderId })).toContainText('₩24,000');
  await expect(page.getByTestId('section-statement').getByRole('table')).toContainText('Earned');
  await expect(page.getByTestId('expiring-total')).toBeVisible();
  await page.getByLabel('Expiring within').selectOption({ label: '365 days' });
  await expect(page.getByTestId('section-expiring')).toContainText(/points expire by/);
  await expect(page.getByRole('button', { name: 'Erase this customer…' })).toHaveCount(0); // administrators only
  expect(await seriousAccessibilityFindings(page)).toEqual([]);

  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the customer’s data' }).click();
  const download = await saving;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^motcrm-customer-${customer.id}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as { customerId: string; services: Record<string, unknown> };
  expect(exported.customerId).toBe(customer.id);
  expect(Object.keys(exported.services).length).toBeGreaterThan(1);
  await expect(page.getByText('The file was saved.')).toBeVisible();

  const paths = [...new Set(reads.map((read) => read.path))].sort();
  expect(paths).toEqual([
    '/api/v1/customers/{id}/360', '/api/v1/customers/{id}/export', '/api/v1/customers/{id}/purchases',
    '/api/v1/loyalty/customers/{id}/expiring-points', '/api/v1/loyalty/customers/{id}/statement',
  ]);
  expect(reads.filter((read) => read.purpose !== PURPOSE)).toEqual([]);
  await context.close();
});

test('an administrator erases a customer after confirming, and follows each service’s progress, Keycloak’s included', async ({ browser }) => {
  const customer = await seedCustomerWithPurchase('E2E erasure');
  const { context, page } = await signedIn(browser, 'admin');
  let erasures = 0;
  page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/erasure') && erasures++);
  await page.goto(`customers/${customer.id}`);
  await givePurpose(page, PURPOSE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(customer.name);

  await page.getByRole('button', { name: 'Erase this customer…' }).click();
  const confirm = page.getByLabel(`Type the member code ${customer.memberCode} to confirm`);
  await confirm.fill('not the code');
  await page.getByRole('button', { name: 'Erase for good' }).click();
  await expect(confirm).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(`Type the member code ${customer.memberCode} exactly.`)).toBeVisible();
  expect(erasures).toBe(0);
  expect(await seriousAccessibilityFindings(page)).toEqual([]);

  await confirm.fill(customer.memberCode);
  await page.getByRole('button', { name: 'Erase for good' }).click();
  const progress = page.getByTestId('erasure-progress');
  await expect(progress.getByTestId('erasure-keycloak')).toBeVisible();
  await expect(progress.getByTestId('erasure-customer-service')).toHaveAttribute('data-status', 'COMPLETED');
  // The other services erase through the outbox: the page reads their progress again until all are done.
  await expect(progress).toHaveAttribute('data-completed', 'true', { timeout: 30_000 });
  for (const service of ['keycloak', 'loyalty-service', 'feedback-service']) {
    await expect(progress.getByTestId(`erasure-${service}`)).toContainText('Done');
  }
  expect(erasures).toBe(1);
  expect(await seriousAccessibilityFindings(page)).toEqual([]);
  await context.close();
});
