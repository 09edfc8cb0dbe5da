import { expect, test } from '@playwright/test';
import {
  duration,
  figuresByWeek,
  geohashBounds,
  isoWeek,
  isoWeekMonday,
  moneyList,
  networkCsvFileName,
  packageGain,
  percent,
  recentWeeks,
  regionLabel,
  regionsAsTyped,
  sumFigures,
  sumPlans,
  weeksBetween,
  type NetworkFigures,
  type PlanAgainstBooked,
} from '../../src/operator/operatorText';

test('a matching region is the box of its geohash cell, in words', () => {
  // 9v is the cell around Dallas (32.78, -96.81): 11.25° of longitude by 5.625° of latitude.
  expect(geohashBounds('9v')).toEqual({ south: 28.125, north: 33.75, west: -101.25, east: -90 });
  expect(geohashBounds('dp')).toEqual({ south: 39.375, north: 45, west: -90, east: -78.75 });
  expect(geohashBounds('u0')).toEqual({ south: 45, north: 50.625, west: 0, east: 11.25 });
  expect(regionLabel('9v')).toBe('9v (28.1°N to 33.8°N, 101.3°W to 90°W)');
  // Not a geohash (a, i, l and o are not in its alphabet): shown as it is.
  expect(geohashBounds('al')).toBeNull();
  expect(geohashBounds('')).toBeNull();
  expect(regionLabel('al')).toBe('al');
});

test('the optimiser\'s regions are taken as typed, by commas or spaces; none means every region', () => {
  expect(regionsAsTyped('9v, dp  9y')).toEqual(['9v', 'dp', '9y']);
  expect(regionsAsTyped('  ')).toBeUndefined();
  expect(regionsAsTyped('zz!')).toEqual(['zz!']);
});

test('what packages gained is the total less the pairs-only optimum, per currency', () => {
  expect(
    packageGain({
      totalSurplus: [{ amountMinorUnits: 68463, currency: 'USD' }, { amountMinorUnits: 500, currency: 'EUR' }],
      pairsOnlySurplus: [{ amountMinorUnits: 40000, currency: 'USD' }],
    }),
  ).toEqual([{ amountMinorUnits: 28463, currency: 'USD' }, { amountMinorUnits: 500, currency: 'EUR' }]);
  const dollars = (amount: { amountMinorUnits: number; currency: string }) => `${amount.currency} ${amount.amountMinorUnits / 100}`;
  expect(moneyList([], dollars)).toBe('none');
  expect(moneyList([{ amountMinorUnits: 1000, currency: 'USD' }, { amountMinorUnits: 500, currency: 'EUR' }], dollars)).toBe('USD 10 and EUR 5');
});

test('shares read as percentages and durations in words; nothing to divide is a dash', () => {
  expect(percent(0.6113)).toBe('61.1%');
  expect(percent(0)).toBe('0.0%');
  expect(percent(1)).toBe('100.0%');
  expect(percent(null)).toBe('—');
  expect(duration(0)).toBe('0 s');
  expect(duration(45.4)).toBe('45 s');
  expect(duration(200)).toBe('3 min 20 s');
  expect(duration(7500)).toBe('2 h 5 min');
  expect(duration(null)).toBe('—');
});

test('ISO weeks: Thursday decides the year, as the API counts them', () => {
  expect(isoWeek(new Date('2026-12-04T10:00:00Z'))).toBe('2026-W49');
  // Thursday 1 January 2026: week 1 of 2026; Sunday 3 January 2027 still belongs to 2026's week 53.
  expect(isoWeek(new Date('2026-01-01T00:00:00Z'))).toBe('2026-W01');
  expect(isoWeek(new Date('2027-01-03T23:59:59Z'))).toBe('2026-W53');
  expect(isoWeek(new Date('2027-01-04T00:00:00Z'))).toBe('2027-W01');
  // Monday 29 December 2025 is in 2026's week 1.
  expect(isoWeek(new Date('2025-12-29T00:00:00Z'))).toBe('2026-W01');
  expect(recentWeeks(new Date('2026-12-04T10:00:00Z'), 8)).toEqual({ from: '2026-W42', to: '2026-W49' });
  // Every week of a range, across a year of 53 weeks; each week's Monday.
  expect(isoWeekMonday('2026-W49')?.toISOString()).toBe('2026-11-30T00:00:00.000Z');
  expect(isoWeekMonday('2026-W01')?.toISOString()).toBe('2025-12-29T00:00:00.000Z');
  expect(isoWeekMonday('2026-49')).toBeNull();
  expect(weeksBetween('2026-W52', '2027-W02')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
  expect(weeksBetween('2026-W49', '2026-W49')).toEqual(['2026-W49']);
  expect(weeksBetween('2026-W49', '2026-W42')).toEqual([]);
  expect(weeksBetween('2020-W01', '2026-W01')).toHaveLength(53);
  expect(weeksBetween('soon', '2026-W01')).toEqual([]);
  expect(networkCsvFileName('2026-W42', '2026-W49', undefined)).toBe('network-figures-2026-W42-to-2026-W49-all-regions.csv');
  expect(networkCsvFileName('2026-W42', '2026-W49', '9v')).toBe('network-figures-2026-W42-to-2026-W49-9v.csv');
});

function figures(overrides: Partial<NetworkFigures>): NetworkFigures {
  return {
    capacityLanesPosted: 0, loadLanesPosted: 0, lanesMatched: 0, matchRate: null, meanSecondsToFirstMatch: null, bookings: 0,
    bookingConversion: null, deliveries: 0, loadedMiles: 0, emptyMilesDriven: 0, baselineEmptyMiles: 0, emptyMilesAvoided: 0,
    emptyMileShareBefore: null, emptyMileShareAfter: null, distinctPartners: 0, surplus: [], co2eAvoided: [],
    planAgainstBooked: plan({}),
    ...overrides,
  };
}

function plan(overrides: Partial<PlanAgainstBooked>): PlanAgainstBooked {
  return {
    plansStored: 0, optionsRecommended: 0, pairsRecommended: 0, packagesRecommended: 0, loadsRecommended: 0, plannedEmptyMilesAvoided: 0,
    plannedSurplus: [], bookings: 0, recommendedOptionsBooked: 0, recommendedLoadsBooked: 0, bookedEmptyMilesAvoidedOfPlan: 0,
    bookedSurplusOfPlan: [], shareOfPlanBooked: null, shareOfBookingsFollowingPlan: null, deliveredEmptyMilesAvoided: 0, deliveredSurplus: [],
    ...overrides,
  };
}

test('the plan against the booked, summed: counters add up and the shares come from the sums', () => {
  const dallas = plan({
    plansStored: 24, optionsRecommended: 4, pairsRecommended: 3, packagesRecommended: 1, loadsRecommended: 6, plannedEmptyMilesAvoided: 900,
    plannedSurplus: [{ amountMinorUnits: 90000, currency: 'USD' }], bookings: 2, recommendedOptionsBooked: 1, recommendedLoadsBooked: 1,
    bookedEmptyMilesAvoidedOfPlan: 200, bookedSurplusOfPlan: [{ amountMinorUnits: 20000, currency: 'USD' }], shareOfPlanBooked: 0.25,
    shareOfBookingsFollowingPlan: 0.5, deliveredEmptyMilesAvoided: 180, deliveredSurplus: [{ amountMinorUnits: 18000, currency: 'USD' }],
  });
  const chicago = plan({
    plansStored: 24, optionsRecommended: 1, pairsRecommended: 1, loadsRecommended: 1, plannedEmptyMilesAvoided: 100,
    plannedSurplus: [{ amountMinorUnits: 500, currency: 'CAD' }], bookings: 2, recommendedOptionsBooked: 1, recommendedLoadsBooked: 1,
    shareOfPlanBooked: 1, shareOfBookingsFollowingPlan: 0.5,
  });
  const sum = sumPlans([dallas, chicago]);
  expect(sum.plansStored).toBe(48);
  expect(sum.optionsRecommended).toBe(5);
  expect(sum.loadsRecommended).toBe(7);
  expect(sum.shareOfPlanBooked).toBe(0.4); // 2 of 5, not the mean of 0.25 and 1
  expect(sum.shareOfBookingsFollowingPlan).toBe(0.5);
  expect(sum.plannedSurplus).toEqual([{ amountMinorUnits: 500, currency: 'CAD' }, { amountMinorUnits: 90000, currency: 'USD' }]);
  expect(sumPlans([dallas])).toEqual(dallas);
  expect(sumPlans([])).toEqual(plan({}));
});

test('regions summed: counters add up and the ratios come from the sums, never from averaging the rows', () => {
  const dallas = figures({
    capacityLanesPosted: 1, loadLanesPosted: 1, lanesMatched: 2, matchRate: 1, meanSecondsToFirstMatch: 10, bookings: 1, bookingConversion: 0.5,
    deliveries: 1, loadedMiles: 600, emptyMilesDriven: 300, baselineEmptyMiles: 900, emptyMilesAvoided: 600, emptyMileShareBefore: 0.6,
    emptyMileShareAfter: 1 / 3, distinctPartners: 2, surplus: [{ amountMinorUnits: 238521, currency: 'USD' }],
    co2eAvoided: [{ kgWellToWheel: 1000, kgTankToWheel: 800, factorSet: 'GLEC', version: 'v1' }],
  });
  const chicago = figures({
    capacityLanesPosted: 3, loadLanesPosted: 3, lanesMatched: 2, matchRate: 1 / 3, meanSecondsToFirstMatch: 40, bookings: 2, bookingConversion: 1,
    deliveries: 1, loadedMiles: 100, emptyMilesDriven: 100, baselineEmptyMiles: 100, emptyMilesAvoided: 0, emptyMileShareBefore: 0.5,
    emptyMileShareAfter: 0.5, distinctPartners: 3, surplus: [{ amountMinorUnits: 1479, currency: 'USD' }, { amountMinorUnits: 100, currency: 'EUR' }],
    co2eAvoided: [
      { kgWellToWheel: 10, kgTankToWheel: 8, factorSet: 'GLEC', version: 'v1' },
      { kgWellToWheel: 5, kgTankToWheel: 4, factorSet: 'GLEC', version: 'v2' },
    ],
  });
  const sum = sumFigures([dallas, chicago]);
  expect(sum.capacityLanesPosted).toBe(4);
  expect(sum.lanesMatched).toBe(4);
  expect(sum.matchRate).toBe(0.5); // 4 of 8, not the mean of 1 and 1/3
  expect(sum.meanSecondsToFirstMatch).toBe(25); // (2 × 10 + 2 × 40) / 4
  expect(sum.bookingConversion).toBe(0.75);
  expect(sum.emptyMileShareBefore).toBeCloseTo(1000 / 1700, 12); // not (0.6 + 0.5) / 2
  expect(sum.emptyMileShareAfter).toBeCloseTo(400 / 1100, 12);
  expect(sum.surplus).toEqual([{ amountMinorUnits: 100, currency: 'EUR' }, { amountMinorUnits: 240000, currency: 'USD' }]);
  // Factor sets and versions are never added together.
  expect(sum.co2eAvoided).toEqual([
    { kgWellToWheel: 1010, kgTankToWheel: 808, factorSet: 'GLEC', version: 'v1' },
    { kgWellToWheel: 5, kgTankToWheel: 4, factorSet: 'GLEC', version: 'v2' },
  ]);
  // One row summed is that row (its partners aside, which cannot be summed).
  expect({ ...sumFigures([dallas]), distinctPartners: 2 }).toEqual(dallas);
  // Nothing: ratios with nothing to divide are null, as the API gives them.
  expect(sumFigures([])).toEqual(figures({}));
});

test('figures by week: one region as given, all regions summed per week, oldest first', () => {
  const week = (posted: number) => figures({ capacityLanesPosted: posted, loadLanesPosted: posted });
  const report = {
    from: '2026-W47', to: '2026-W49', total: week(0),
    regions: [
      { region: '9v', total: week(0), weeks: [{ week: '2026-W49', figures: week(1) }, { week: '2026-W47', figures: week(2) }] },
      { region: 'dp', total: week(0), weeks: [{ week: '2026-W49', figures: week(4) }] },
    ],
  };
  const summed = figuresByWeek(report);
  expect(summed.map((row) => row.week)).toEqual(['2026-W47', '2026-W49']);
  expect(summed.map((row) => row.figures.capacityLanesPosted)).toEqual([2, 5]);
  const one = figuresByWeek({ ...report, regions: [report.regions[0]!] });
  expect(one.map((row) => [row.week, row.figures.capacityLanesPosted])).toEqual([['2026-W47', 2], ['2026-W49', 1]]);
  expect(figuresByWeek({ ...report, regions: [] })).toEqual([]);
});
