import { expect, test } from '@playwright/test';
import {
  allCoalitions,
  blockingSentence,
  coalitionKey,
  joinNames,
  minorDigits,
  minorUnits,
  stabilitySentence,
  statementFileName,
} from '../../src/collab/collabText';
import { graceSeconds, newWebhookSecret } from '../../src/settings/settingsText';

test('names are joined as a sentence reads', () => {
  expect(joinNames([])).toBe('');
  expect(joinNames(['Carrier A'])).toBe('Carrier A');
  expect(joinNames(['Carrier A', 'Shipper B'])).toBe('Carrier A and Shipper B');
  expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
});

test('a blocking coalition in words: what its members would gain on their own beyond what the rule gives them', () => {
  expect(blockingSentence({ members: ['Carrier A', 'Shipper B'], value: 900, allocated: 800, gap: 100 }, 'VALUE', 'USD')).toBe(
    'Carrier A and Shipper B would gain USD 100 more on their own than this rule gives them (USD 900 on their own, against USD 800 under this rule).',
  );
  expect(blockingSentence({ members: ['Carrier A'], value: 1234.5, allocated: 0, gap: 1234.5 }, 'VALUE', 'USD')).toBe(
    'Carrier A would gain USD 1,234.5 more on its own than this rule gives it (USD 1,234.5 on its own, against USD 0 under this rule).',
  );
  expect(blockingSentence({ members: ['Small', 'Medium'], cost: 11, allocatedCost: 12.5, gap: 1.5 }, 'COST', '')).toBe(
    'Small and Medium would pay 1.5 less on their own than this rule charges them (11 on their own, against 12.5 under this rule).',
  );
});

test('the core check in words', () => {
  expect(stabilitySentence({ inCore: true, efficient: true, tolerance: 1e-7, blockingCount: 0, blocking: [] })).toMatch(/^Stable/);
  expect(stabilitySentence({ inCore: false, efficient: true, tolerance: 1e-7, blockingCount: 1, blocking: [] })).toBe(
    'Not stable: 1 group of members would do better on its own.',
  );
  expect(stabilitySentence({ inCore: false, efficient: true, tolerance: 1e-7, blockingCount: 3, blocking: [] })).toBe(
    'Not stable: 3 groups of members would do better on their own.',
  );
  expect(stabilitySentence({ inCore: false, efficient: false, tolerance: 1e-7, blockingCount: 0, blocking: [] })).toMatch(/^Not efficient/);
});

test('every non-empty coalition once, smallest first, and a key that ignores the members\' order', () => {
  const coalitions = allCoalitions(['A', 'B', 'C']);
  expect(coalitions).toHaveLength(7);
  expect(coalitions.slice(0, 3)).toEqual([['A'], ['B'], ['C']]);
  expect(coalitions[6]).toEqual(['A', 'B', 'C']);
  expect(new Set(coalitions.map(coalitionKey)).size).toBe(7);
  expect(allCoalitions(['1', '2', '3', '4', '5', '6'])).toHaveLength(63);
  expect(coalitionKey(['B', 'A'])).toBe(coalitionKey(['A', 'B']));
});

test('a statement\'s CSV is named after its collaboration, period and member, safe for any file system', () => {
  expect(statementFileName('Texas backhaul pool', 3, '01JDPRTA000000000000000001')).toBe(
    'texas-backhaul-pool-period-3-01JDPRTA000000000000000001-statement.csv',
  );
  expect(statementFileName('Crème / Brûlée: "pool" #2', 0, 'M')).toBe('creme-brulee-pool-2-period-0-M-statement.csv');
  expect(statementFileName('***', 1, 'M')).toBe('collaboration-period-1-M-statement.csv');
  expect(statementFileName('x'.repeat(100), 1, 'M')).toBe(`${'x'.repeat(60)}-period-1-M-statement.csv`);
});

test('minor units as money, in the currency\'s own decimals', () => {
  expect(minorUnits(123456, 'USD')).toBe('$1,234.56');
  expect(minorUnits(-500, 'USD')).toBe('-$5.00');
  expect(minorUnits(1500, 'JPY')).toBe('¥1,500');
  expect(minorDigits('USD')).toBe(2);
  expect(minorDigits('JPY')).toBe(0);
});

test('a grace period typed in minutes is sent in seconds; anything else as typed', () => {
  expect(graceSeconds('60')).toBe(3600);
  expect(graceSeconds('0')).toBe(0);
  expect(graceSeconds('')).toBeUndefined();
  expect(graceSeconds('soon')).toBe('soon');
});

test('a drawn webhook secret is long enough and visible ASCII only', () => {
  const secret = newWebhookSecret();
  expect(secret).toMatch(/^[\x21-\x7E]{32,256}$/);
  expect(newWebhookSecret()).not.toBe(secret);
});
