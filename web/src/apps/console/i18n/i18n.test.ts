import { expect, test } from '@playwright/test';

import { en } from './en';
import { ko } from './ko';
import { translator } from '../../../shared/i18n/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('the Korean catalogue has exactly the English keys, each with the same placeholders', () => {
  expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  const differing = Object.keys(en).filter((key) =>
    JSON.stringify(placeholders(en[key as keyof typeof en])) !== JSON.stringify(placeholders(ko[key as keyof typeof ko])));
  expect(differing).toEqual([]);
});

test('numbers, plurals and dates follow the chosen language', () => {
  const english = translator({ en, ko }, 'en');
  const korean = translator({ en, ko }, 'ko');
  expect(english.plural('queue.list.count', 1)).toBe('1 open case, most at risk first');
  expect(english.plural('queue.list.count', 1200)).toBe('1,200 open cases, most at risk first');
  expect(korean.plural('queue.list.count', 3)).toBe('진행 중인 케이스 3건, 위험도 높은 순');
  expect(english.t('case.compensation.applied', { points: 6000 })).toBe('Granted: 6,000 points are on their way to the customer.');
  // Year, month, day in Korean order (the browser journey checks the whole Korean date and time).
  expect(korean.date('2026-12-08T12:00:00Z')).toBe('2026. 12. 8.');
  expect(english.date('2026-12-08T12:00:00Z')).toBe('Dec 8, 2026');
  expect(english.duration(3725)).toBe('1:02:05');
  expect(english.duration(65)).toBe('1:05');
});
