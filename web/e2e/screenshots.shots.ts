// The console's main screens as pictures for the documentation: npm run screenshots writes
// docs/screenshots/console-*.png from a running suite (seeding what they show through the API).
import { expect, test, type Page } from '@playwright/test';

import { givePurpose, liveOpen, queueReady, seedComplaint, seedRating, signedIn, startWorkOn } from './support';

const shot = (page: Page, name: string) => page.screenshot({ path: `../docs/screenshots/console-${name}.png`, fullPage: true });

test('the main screens', async ({ browser }) => {
  const agent = await signedIn(browser, 'agent');
  const complaint = await seedComplaint('Screenshot');
  await startWorkOn((await seedComplaint('Screenshot, in progress')).caseId);

  await agent.page.goto('./');
  await queueReady(agent.page);
  await liveOpen(agent.page);
  await expect(agent.page.getByTestId(`case-row-${complaint.caseId}`)).toBeVisible();
  await shot(agent.page, 'queue');

  await agent.page.getByTestId(`case-row-${complaint.caseId}`).getByRole('link').click();
  await expect(agent.page.getByTestId('feedback-text')).toHaveText(complaint.text);
  await agent.page.getByLabel('Points').fill('6000');
  await agent.page.getByLabel('Note for the record').fill('Forty minutes on hold, twice this week');
  await agent.page.getByRole('button', { name: 'Grant points' }).click();
  await expect(agent.page.getByTestId('compensation-result')).toContainText('Above your authority');
  await expect(agent.page.getByRole('heading', { name: 'History' })).toBeVisible();
  await expect(agent.page.locator('ol.history li').first()).toBeVisible();
  await shot(agent.page, 'case');

  await agent.page.getByRole('link', { name: 'Open the customer 360' }).click();
  await givePurpose(agent.page);
  await expect(agent.page.getByTestId('points-available')).toBeVisible();
  for (const section of ['section-purchases', 'section-statement', 'section-expiring']) {
    await expect(agent.page.getByTestId(section).getByRole('status')).toHaveCount(0); // loaded
  }
  await expect(agent.page.getByTestId('section-statement').getByRole('table')).toBeVisible();
  await shot(agent.page, 'customer-360');

  const supervisor = await signedIn(browser, 'supervisor');
  await supervisor.page.goto('approvals');
  await expect(supervisor.page.getByText('6,000 compensation points').first()).toBeVisible();
  await shot(supervisor.page, 'approvals');

  await agent.page.goto('./');
  await queueReady(agent.page);
  await agent.page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(agent.page.getByRole('heading', { level: 1 })).toHaveText('케이스 대기열');
  await liveOpen(agent.page);
  await shot(agent.page, 'queue-ko');

  await agent.page.setViewportSize({ width: 768, height: 1024 });
  await agent.page.getByTestId(`case-row-${complaint.caseId}`).getByRole('link').click();
  await expect(agent.page.getByTestId('feedback-text')).toHaveText(complaint.text);
  await agent.page.getByRole('radio', { name: '접수됨' }).check();
  await agent.page.getByRole('button', { name: '상태 변경' }).click();
  await expect(agent.page.getByTestId('case-status')).toHaveText('접수됨');
  await expect(agent.page.locator('ol.history li').filter({ hasText: 'STATUS' })).toBeVisible();
  await shot(agent.page, 'case-ko-tablet');

  // Leave nothing waiting: the supervisor rejects the request the pictures needed.
  await supervisor.page.reload();
  for (const item of await supervisor.page.locator('li.approval').filter({ hasText: '6,000' }).all()) {
    await item.getByLabel(/Reason for your decision/).fill('Screenshot request, not a real one');
    await item.getByRole('button', { name: 'Reject' }).click();
  }
  await agent.context.close();
  await supervisor.context.close();
});

test('the MOT dashboard', async ({ browser }) => {
  const agent = await signedIn(browser, 'agent');
  await seedRating('home-delivery', 'Screenshot');
  await agent.page.goto('dashboard');
  await expect(agent.page.getByTestId('heat-map').getByTestId('heat-RECEIVE-DELIVERY')).toContainText('Home delivery');
  await expect(agent.page.getByTestId('trend').getByRole('img')).toBeVisible();
  await expect(agent.page.getByTestId('sla').getByRole('img')).toBeVisible();
  await shot(agent.page, 'dashboard');

  await agent.page.setViewportSize({ width: 768, height: 1024 });
  await agent.page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await agent.page.getByRole('radio', { name: '불만 비율' }).check();
  await expect(agent.page.getByTestId('heat-map').getByRole('heading', { name: '여정 단계·채널별 불만 비율' })).toBeVisible();
  await shot(agent.page, 'dashboard-ko-tablet');
  await agent.context.close();
});
