import { expect, test } from '@playwright/test';

import { bySlaRisk, filterFromQuery, matches, type CaseSummary } from './queue';

const item = (id: string, patch: Partial<CaseSummary> = {}): CaseSummary => ({
  id, touchpointCode: 'call-centre', team: 'care', status: 'NEW', priority: 'P2', ownerName: 'agent.kim',
  openedAt: '2026-12-08T09:00:00Z', breached: false, escalationLevel: 0, ...patch,
});

test('the queue puts missed targets first, then escalations, then priority, then the longest waiting', () => {
  const cases = [
    item('p3-old', { priority: 'P3', openedAt: '2026-12-08T08:00:00Z' }),
    item('p1-new', { priority: 'P1', openedAt: '2026-12-08T09:30:00Z' }),
    item('p1-old', { priority: 'P1', openedAt: '2026-12-08T09:10:00Z' }),
    item('escalated', { escalationLevel: 1 }),
    item('breached', { priority: 'P3', breached: true }),
  ];
  expect([...cases].sort(bySlaRisk).map((c) => c.id)).toEqual(['breached', 'escalated', 'p1-old', 'p1-new', 'p3-old']);
});

test('filters the list call cannot apply are applied here', () => {
  const filter = filterFromQuery(new URLSearchParams('priority=P1&breached=no&touchpoint=call-centre'));
  expect(matches(item('a', { priority: 'P1' }), filter)).toBe(true);
  expect(matches(item('b', { priority: 'P2' }), filter)).toBe(false);
  expect(matches(item('c', { priority: 'P1', breached: true }), filter)).toBe(false);
  expect(matches(item('d', { priority: 'P1', touchpointCode: 'store-gangnam' }), filter)).toBe(false);
});

test('unknown filter values in the address are ignored, not sent to the server', () => {
  expect(filterFromQuery(new URLSearchParams('scope=everyone&status=DELETED&priority=P9&breached=maybe&team=care')))
    .toEqual({ team: 'care' });
});
