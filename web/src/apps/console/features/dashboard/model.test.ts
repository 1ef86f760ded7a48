import { expect, test } from '@playwright/test';

import { band, buckets, heatMap, total, type MotRow, type Touchpoint } from './model';

const row = (key: string, figures: Partial<MotRow>): MotRow => ({
  key, volume: 0, npsResponses: 0, detractors: 0, cases: 0, recoveryResponses: 0, wordOfMouth: { low: 0, high: 0 }, ...figures,
});
const touchpoint = (code: string, stage: Touchpoint['stage'], channel: Touchpoint['channel']) =>
  ({ code, name: code, stage, channel, team: 't', active: true, publicLinkVersion: 1, createdAt: '', updatedAt: '' }) as Touchpoint;

test('groups add up: NPS by its answers, the complaint rate by volume, word of mouth summed', () => {
  const sum = total([
    row('a', { volume: 10, nps: 50, npsResponses: 2, complaintRate: 0.1, detractors: 1, wordOfMouth: { low: 10, high: 15 } }),
    row('b', { volume: 30, nps: -100, npsResponses: 6, complaintRate: 0.5, detractors: 6, wordOfMouth: { low: 60, high: 90 } }),
    row('c', { volume: 5 }),
  ]);
  expect(sum.volume).toBe(45);
  expect(sum.nps).toBeCloseTo((50 * 2 - 100 * 6) / 8);
  expect(sum.complaintRate).toBeCloseTo((1 + 15) / 40);
  expect(sum.wordOfMouth).toEqual({ low: 70, high: 105 });
  expect(total([]).nps).toBeNull();
});

test('the heat map puts each touchpoint at its stage and channel, and sums a cell’s touchpoints', () => {
  const map = heatMap([row('d1', { volume: 2, nps: 100, npsResponses: 1 }), row('d2', { volume: 1, nps: -100, npsResponses: 3 })],
    [touchpoint('d1', 'RECEIVE', 'DELIVERY'), touchpoint('d2', 'RECEIVE', 'DELIVERY'), touchpoint('s', 'PAY', 'STORE')]);
  const receive = map[3]!.find((cell) => cell.channel === 'DELIVERY')!;
  expect(receive.touchpoints.map((tp) => tp.code)).toEqual(['d1', 'd2']);
  expect(receive.totals.volume).toBe(3);
  expect(receive.totals.nps).toBe(-50);
  const pay = map[2]!.find((cell) => cell.channel === 'STORE')!;
  expect(pay.touchpoints).toHaveLength(1);
  expect(pay.totals.nps).toBeNull(); // a touchpoint without feedback: no value, not zero
});

test('bands follow each measure’s direction; no value has no band', () => {
  expect(band('nps', -80)).toBe('worst');
  expect(band('nps', 70)).toBe('best');
  expect(band('complaintRate', 0.9)).toBe('worst');
  expect(band('complaintRate', 0)).toBe('best');
  expect(band('csat', 3)).toBe('middle');
  expect(band('csat', null)).toBeNull();
});

test('the trend’s spans cover the period without gaps', () => {
  const spans = buckets(0, 7 * 86_400_000, 7);
  expect(spans).toHaveLength(7);
  expect(spans[0]!.from).toBe(new Date(0).toISOString());
  expect(spans[6]!.to).toBe(new Date(7 * 86_400_000).toISOString());
  for (let i = 1; i < spans.length; i++) expect(spans[i]!.from).toBe(spans[i - 1]!.to);
});
