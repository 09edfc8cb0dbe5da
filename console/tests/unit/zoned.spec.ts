import { expect, test } from '@playwright/test';
import { formatZoned, toZonedTimestamp } from '../../src/api/zoned';

test('a wall time in winter gets the zone standard offset and the zone in brackets', () => {
  expect(toZonedTimestamp('2026-11-23T06:00', 'America/Chicago')).toBe('2026-11-23T06:00:00-06:00[America/Chicago]');
});

test('a wall time in summer gets the daylight-saving offset', () => {
  expect(toZonedTimestamp('2026-07-01T18:30', 'America/Los_Angeles')).toBe('2026-07-01T18:30:00-07:00[America/Los_Angeles]');
  expect(toZonedTimestamp('2026-07-01T08:00', 'Europe/Paris')).toBe('2026-07-01T08:00:00+02:00[Europe/Paris]');
});

test('the hours next to a daylight-saving change take the offset of their own side', () => {
  // Chicago moves to daylight time at 02:00 on 8 March 2026.
  expect(toZonedTimestamp('2026-03-08T01:30', 'America/Chicago')).toBe('2026-03-08T01:30:00-06:00[America/Chicago]');
  expect(toZonedTimestamp('2026-03-08T03:30', 'America/Chicago')).toBe('2026-03-08T03:30:00-05:00[America/Chicago]');
});

test('an unreadable wall time goes as typed, for the API to name the field', () => {
  expect(toZonedTimestamp('', 'UTC')).toBe('');
  expect(toZonedTimestamp('tomorrow', 'UTC')).toBe('tomorrow');
});

test('a zoned timestamp is shown in its own zone', () => {
  expect(formatZoned('2026-11-23T06:00:00-06:00[America/Chicago]')).toBe('Mon, Nov 23, 06:00 CST');
});

test('an instant without a zone is shown in the zone asked for, else in UTC', () => {
  expect(formatZoned('2026-11-23T12:00:00Z', 'America/Chicago')).toBe('Mon, Nov 23, 06:00 CST');
  expect(formatZoned('2026-11-23T12:00:00Z')).toBe('Mon, Nov 23, 12:00 UTC');
});
