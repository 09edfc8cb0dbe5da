import { expect, test } from '@playwright/test';
import { amountOrText, countdown } from '../../src/deals/dealText';

const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);

test('an expiry countdown reads in days, hours and minutes, then seconds, and says when it has passed', () => {
  expect(countdown('2026-12-05T14:30:00Z', NOW)).toBe('in 2 d 2 h');
  expect(countdown('2026-12-03T14:05:00Z', NOW)).toBe('in 2 h 05 min');
  expect(countdown('2026-12-03T12:45:00Z', NOW)).toBe('in 45 min');
  expect(countdown('2026-12-03T12:00:40Z', NOW)).toBe('in 40 s');
  expect(countdown('2026-12-03T11:57:00Z', NOW)).toBe('expired 3 min ago');
  expect(countdown('not a time', NOW)).toBe('not a time');
});

test('an amount in dollars becomes minor units; anything else goes as typed, for the API to refuse', () => {
  expect(amountOrText('850')).toEqual({ amountMinorUnits: 85000, currency: 'USD' });
  expect(amountOrText('12.345')).toEqual({ amountMinorUnits: 1235, currency: 'USD' });
  expect(amountOrText('lots')).toEqual({ amountMinorUnits: 'lots', currency: 'USD' });
  expect(amountOrText('')).toEqual({ amountMinorUnits: '', currency: 'USD' });
});
