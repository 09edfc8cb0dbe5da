import { expect, test } from '@playwright/test';
import { groupedBars, linearScale, niceStep } from '../../src/collab/chart';

test('a nice step is 1, 2 or 5 times a power of ten', () => {
  expect(niceStep(1234, 5)).toBe(500);
  expect(niceStep(100, 5)).toBe(20);
  expect(niceStep(0.3, 5)).toBeCloseTo(0.1);
  expect(niceStep(0, 5)).toBe(1);
  expect(niceStep(Number.NaN, 5)).toBe(1);
});

test('a scale always shows zero, ends on ticks and maps its ends onto the pixel range', () => {
  const scale = linearScale([120, 830], [300, 0]);
  expect(scale.min).toBe(0);
  expect(scale.max).toBe(1000);
  expect(scale.ticks).toEqual([0, 200, 400, 600, 800, 1000]);
  expect(scale.at(0)).toBe(300);
  expect(scale.at(1000)).toBe(0);
  expect(scale.at(500)).toBe(150);

  const negative = linearScale([-250, 40], [100, 0]);
  expect(negative.min).toBe(-300);
  expect(negative.max).toBe(100);
  expect(negative.ticks).toContain(0);

  // All zero (an empty period): still a usable scale.
  const flat = linearScale([0, 0], [100, 0]);
  expect(flat.max).toBeGreaterThan(flat.min);
  expect(flat.ticks[0]).toBe(0);

  // Decimal ticks are shown as the step's decimals, not as floating-point noise.
  expect(linearScale([0.3], [100, 0]).ticks).toEqual([0, 0.1, 0.2, 0.3]);
});

test('grouped bars: one group per member, one bar per rule, rising from zero or hanging from it, none for a missing value', () => {
  const layout = groupedBars(
    [
      [400, 600],
      [-200, null],
    ],
    200,
    100,
  );
  expect(layout.bars).toHaveLength(3);
  expect(layout.groupCentres).toEqual([50, 150]);
  const [first, second, third] = layout.bars;
  // Scale 0..-200 to 600: step 200, -200..600 over 100 px, zero at 75 px from the top.
  expect(layout.zeroY).toBe(75);
  expect(first).toMatchObject({ group: 0, series: 0, value: 400, y: 25, height: 50 });
  expect(second).toMatchObject({ group: 0, series: 1, value: 600, y: 0, height: 75 });
  expect(third).toMatchObject({ group: 1, series: 0, value: -200, y: 75, height: 25 });
  // The bars of a group sit side by side inside it, without touching the next group.
  expect(second!.x).toBeCloseTo(first!.x + first!.width);
  expect(second!.x + second!.width).toBeLessThanOrEqual(100);
  expect(third!.x).toBeGreaterThanOrEqual(100);
});
