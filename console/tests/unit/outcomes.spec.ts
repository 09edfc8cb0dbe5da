import { expect, test } from '@playwright/test';
import {
  chartFigures,
  co2eLines,
  deadheadText,
  defaultRange,
  lanePairText,
  nearText,
  outcomesCsvFileName,
  outlookSentences,
  periodLabel,
  surplusText,
  type OutcomeFigures,
  type RoleReport,
} from '../../src/outcomes/outcomeText';

const METHOD = { factorSet: 'GLEC-NA-2019+DESNZ-2024', version: 'bhx-default-1' };

// The carrier's figures of the outcomes guide: a truck empty in Dallas, home Chicago, a Dallas → St. Louis load.
const carrierTotals: OutcomeFigures = {
  bookings: 1, loadsMoved: 1, loadedMiles: 612.4, emptyMilesDriven: 312.1, baselineEmptyMiles: 963.0, emptyMilesAvoided: 650.9,
  deadheadShareBefore: 0.6113, deadheadShareAfter: 0.3376, surplusKind: 'EARNED', surplus: [{ amountMinorUnits: 198593, currency: 'USD' }],
  co2eAvoided: [{ kgWellToWheel: 1016.6, kgTankToWheel: 819.7, emissionsMethod: METHOD }],
};
const dollars = (amount: { amountMinorUnits: number; currency: string }) => `$${(amount.amountMinorUnits / 100).toFixed(2)}`;

test('the first range is the last 30 UTC days, today included, by day; periods read as days, ISO weeks or months', () => {
  expect(defaultRange(new Date('2026-12-04T23:30:00Z'))).toEqual({ from: '2026-11-05', to: '2026-12-04', granularity: 'DAY' });
  expect(periodLabel('2026-12-04', 'DAY')).toBe('2026-12-04');
  expect(periodLabel('2026-11-30', 'WEEK')).toBe('2026-W49');
  // A week clipped to the range starts on another day than Monday: still its ISO week.
  expect(periodLabel('2026-12-03', 'WEEK')).toBe('2026-W49');
  expect(periodLabel('2026-12-01', 'MONTH')).toBe('2026-12');
});

test('money reads as earned or saved, CO₂e names its factor set, deadhead shares before and after', () => {
  expect(surplusText(carrierTotals, dollars)).toBe('$1985.93 earned');
  expect(surplusText({ surplusKind: 'SAVED', surplus: [] }, dollars)).toBe('nothing saved');
  expect(co2eLines(carrierTotals.co2eAvoided)).toEqual([
    '1,016.6 kg well-to-wheel (819.7 kg tank-to-wheel), factor set GLEC-NA-2019+DESNZ-2024, version bhx-default-1',
  ]);
  expect(deadheadText(carrierTotals)).toBe('61.1% before, 33.8% after');
  // A shipper's figures have no deadhead shares.
  expect(deadheadText({})).toBe('—');
});

test('a role\'s series can be charted by each figure it has, money in major units per currency', () => {
  const carrier: RoleReport = {
    role: 'CARRIER',
    totals: carrierTotals,
    series: [{ start: '2026-12-04', end: '2026-12-04', figures: carrierTotals }],
    byCounterparty: [],
    byLanePair: [{ origin: 'US-TX', destination: 'US-MO', figures: carrierTotals }],
  };
  const figures = chartFigures(carrier, () => 2);
  expect(figures.map((figure) => figure.key)).toEqual(['emptyMilesAvoided', 'bookings', 'loadedMiles', 'surplus-USD', `co2e-${METHOD.factorSet}-${METHOD.version}`]);
  expect(figures.map((figure) => figure.value(carrierTotals))).toEqual([650.9, 1, 612.4, 1985.93, 1016.6]);
  expect(figures[3]!.label).toBe('Money earned, USD');
  // Each figure reads with its unit in the chart's tooltips and table.
  expect(figures.map((figure) => figure.format(figure.value(carrierTotals)!))).toEqual(['650.9 miles', '1 booking', '612.4 miles', '$1,985.93', '1,016.6 kg']);
  expect(figures[1]!.format(2)).toBe('2 bookings');
  // A period without deliveries charts as zero, not as a gap.
  const quiet: OutcomeFigures = { bookings: 0, loadsMoved: 0, loadedMiles: 0, surplusKind: 'EARNED', surplus: [], co2eAvoided: [] };
  expect(figures.map((figure) => figure.value(quiet))).toEqual([0, 0, 0, 0, 0]);
  // A shipper has no empty miles of its own.
  const shipper = chartFigures({ ...carrier, role: 'SHIPPER', totals: { ...carrierTotals, surplusKind: 'SAVED' } }, () => 2);
  expect(shipper.map((figure) => figure.key)).not.toContain('emptyMilesAvoided');
  expect(shipper.find((figure) => figure.key === 'surplus-USD')!.label).toBe('Money saved, USD');
  expect(outcomesCsvFileName('01JD', '2026-11-05', '2026-12-04', 'WEEK')).toBe('outcomes-01JD-2026-11-05-to-2026-12-04-by-week.csv');
});

test('a lane pair reads origin to destination with the markets as the API names them', () => {
  expect(lanePairText({ origin: 'US-TX', destination: 'US-MO' })).toBe('US-TX → US-MO');
  // Germany and Delaware stay apart.
  expect(lanePairText({ origin: 'DE', destination: 'US-DE' })).toBe('DE → US-DE');
});

const outlookBase = {
  near: { latitudeDegrees: 32.78, longitudeDegrees: -96.81, label: 'Dallas, TX' },
  window: { from: '2026-12-05', to: '2026-12-07', days: 3 },
  maxOriginDeadheadMiles: 100,
  regions: ['9v', '9y'],
  sampleWeeks: { from: '2026-W41', to: '2026-W48', weeks: 8 },
};

test('a withheld outlook says why, with k, and no figure', () => {
  const sentences = outlookSentences({ ...outlookBase, withheld: true, reason: 'FEWER_THAN_K_PARTNERS', k: 5 });
  expect(sentences[0]).toBe('Withheld: fewer than 5 partners posted or booked lanes within 100 miles of Dallas, TX in the 8 complete weeks 2026-W41 to 2026-W48.');
  expect(sentences.join(' ')).not.toMatch(/[0-9]+ loads/);
});

test('an outlook reads as a probability with its sample and the booked share\'s interval', () => {
  const sentences = outlookSentences({
    ...outlookBase,
    withheld: false,
    estimate: {
      expectedLoadsPerDay: 0.75, expectedLoadsInWindow: 2.25, probabilityOfAtLeastOneLoad: 0.8946, probabilityMethod: 'POISSON_AT_SAMPLE_POSTING_RATE',
      loadLanesPosted: 42, capacityLanesPosted: 30, capacityLanesBooked: 9, bookedShare: 0.3,
      bookedShareInterval95: { low: 0.1663, high: 0.4788, method: 'WILSON' }, distinctPartners: 7,
    },
  });
  expect(sentences[0]).toBe('A 89.5% chance of at least one load out of the area within 100 miles of Dallas, TX from 2026-12-05 to 2026-12-07 (3 days): 2.3 loads expected in the window at 0.75 posted per day.');
  expect(sentences[1]).toBe('30.0% of the trucks posted there were booked (95% Wilson interval 16.6% to 47.9%).');
  expect(sentences[2]).toContain('42 loads and 30 trucks posted (9 booked) by 7 partners in the 8 complete weeks 2026-W41 to 2026-W48, in regions 9v, 9y.');
  expect(nearText({ name: 'St. Louis', stateOrCountry: 'MO' })).toBe('St. Louis, MO');
});
