// The MOT dashboard: seeded feedback shows in the heat map and its table, the page passes axe in both views,
// and it works with the keyboard alone.
import { expect, test } from '@playwright/test';

import { motVolume, seedRating, seriousAccessibilityFindings, signedIn } from './support';

/** Home delivery: the demo data's touchpoint at the journey's "receive" stage, on the delivery channel. */
const TOUCHPOINT = { code: 'home-delivery', name: 'Home delivery', cell: 'heat-RECEIVE-DELIVERY' };

test('the dashboard shows the seeded data', async ({ browser }) => {
  const { context, page } = await signedIn(browser, 'agent');
  const before = await motVolume(TOUCHPOINT.code, 30);
  await seedRating(TOUCHPOINT.code, 'Dashboard');

  await page.goto('dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'MOT dashboard' })).toBeVisible();
  const heat = page.getByTestId('heat-map');
  await expect(heat.getByRole('heading', { name: 'NPS by journey stage and channel' })).toBeVisible();
  const cell = heat.getByTestId(TOUCHPOINT.cell);
  await expect(cell).toContainText(TOUCHPOINT.name);
  // The row header and column header name the cell for a screen reader: stage "Receive", channel "Delivery".
  await expect(heat.getByRole('rowheader', { name: 'Receive' })).toBeVisible();
  await expect(heat.getByRole('columnheader', { name: 'Delivery' })).toBeVisible();
  const cellVolume = Number((await cell.locator('.heat-volume').innerText()).replace(/\D/g, ''));
  expect(cellVolume).toBeGreaterThanOrEqual(before + 1);

  // The same figures as a table: the touchpoint's row counts the new feedback.
  await heat.getByRole('button', { name: 'Show as table' }).click();
  const row = heat.getByTestId(`touchpoint-row-${TOUCHPOINT.code}`);
  await expect(row.getByRole('rowheader')).toHaveText(TOUCHPOINT.name);
  const tableVolume = Number((await row.getByTestId('volume').innerText()).replace(/\D/g, ''));
  expect(tableVolume).toBeGreaterThanOrEqual(before + 1);
  await expect(heat.getByRole('button', { name: 'Show as chart' })).toHaveAttribute('aria-expanded', 'true');

  // Every other chart names what it shows and has its table.
  for (const id of ['word-of-mouth', 'trend', 'sla']) {
    const panel = page.getByTestId(id);
    await expect(panel.getByRole('img')).toBeVisible();
    await panel.getByRole('button', { name: 'Show as table' }).click();
    await expect(panel.getByRole('table')).toBeVisible();
  }
  await expect(page.getByTestId('word-of-mouth').getByRole('table')).toContainText('All touchpoints');
  await context.close();
});

test('the dashboard has no serious or critical accessibility finding, as charts and as tables (axe, WCAG A and AA)', async ({ browser }) => {
  const { context, page } = await signedIn(browser, 'agent');
  await page.goto('dashboard?days=90&metric=complaintRate');
  await expect(page.getByTestId('heat-map').locator('td.heat-cell').first()).toBeVisible();
  await expect(page.getByTestId('trend').getByRole('img')).toBeVisible();
  await expect(page.getByTestId('sla').getByRole('img')).toBeVisible();
  const charts = await seriousAccessibilityFindings(page);
  const showTable = page.getByRole('button', { name: 'Show as table' });
  await expect(showTable).toHaveCount(4);
  for (let left = 4; left > 0; left--) {
    await showTable.first().click();
    await expect(showTable).toHaveCount(left - 1);
  }
  await expect(page.getByRole('button', { name: 'Show as chart' })).toHaveCount(4);
  const tables = await seriousAccessibilityFindings(page);
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('MOT 대시보드');
  const koreanTablet = await seriousAccessibilityFindings(page);
  expect({ charts, tables, koreanTablet }).toEqual({ charts: [], tables: [], koreanTablet: [] });
  await context.close();
});

test('the dashboard works with the keyboard alone', async ({ browser }) => {
  const { context, page } = await signedIn(browser, 'agent');
  await page.goto('dashboard');
  await expect(page.getByTestId('heat-map').locator('td.heat-cell').first()).toBeVisible();
  const period = page.getByRole('combobox', { name: 'Period' });
  const tabTo = async (target: ReturnType<typeof page.locator>) => {
    for (let i = 0; i < 40 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(target).toBeFocused();
  };
  await page.locator('body').press('Tab');
  await tabTo(period);
  await page.keyboard.press('ArrowDown'); // 30 days → 90 days
  await expect(page).toHaveURL(/days=90/);
  await expect(period).toHaveValue('90');

  await tabTo(page.getByRole('radio', { name: 'NPS' }));
  await page.keyboard.press('ArrowRight'); // the radio group: NPS → CSAT
  await expect(page.getByRole('radio', { name: 'CSAT' })).toBeChecked();
  await expect(page).toHaveURL(/metric=csat/);
  const heat = page.getByTestId('heat-map');
  await expect(heat.getByRole('heading', { name: 'CSAT by journey stage and channel' })).toBeVisible();

  // The heat map's own table can be scrolled by keyboard; its switch shows the detailed table with Enter.
  await tabTo(heat.getByRole('button', { name: 'Show as table' }));
  await page.keyboard.press('Tab');
  await expect(heat.getByRole('region')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(heat.getByTestId('touchpoint-table')).toBeVisible();
  await expect(heat.getByRole('button', { name: 'Show as chart' })).toBeFocused();

  // Each chart picture is reachable, named by the sentence that describes it, after its switch.
  const trend = page.getByTestId('trend').getByRole('img');
  await tabTo(trend);
  await expect(trend).toHaveAccessibleName(/^Trend CSAT over the last 90 days/);
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('trend').getByRole('button', { name: 'Show as table' })).toBeFocused();
  await context.close();
});
