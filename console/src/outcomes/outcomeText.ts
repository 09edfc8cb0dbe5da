// What the outcome and reload-outlook pages say and compute, free of the DOM and of the API client (unit tested).
import type { Schemas } from '../api/client';
import { isoWeek, percent } from '../operator/operatorText';

export type OutcomeFigures = Schemas['OutcomeFigures'];
export type Granularity = Schemas['OutcomeReport']['granularity'];
export type RoleReport = Schemas['OutcomeReport']['roles'][number];

const DAY_MILLIS = 86_400_000;

/** A UTC day as the API takes it, `days` from `today`. */
export function utcDay(today: Date, days = 0): string {
  return new Date(today.getTime() + days * DAY_MILLIS).toISOString().slice(0, 10);
}

/** The outcome page's first range: the last 30 days, today included, by day. */
export function defaultRange(today: Date): { from: string; to: string; granularity: Granularity } {
  return { from: utcDay(today, -29), to: utcDay(today), granularity: 'DAY' };
}

/** A period of the series in words: the day, the ISO week of its first day, or the month. */
export function periodLabel(start: string, granularity: Granularity): string {
  if (granularity === 'WEEK') {
    return isoWeek(new Date(`${start}T00:00:00Z`));
  }
  return granularity === 'MONTH' ? start.slice(0, 7) : start;
}

export const ROLE_NAMES: Record<RoleReport['role'], string> = { CARRIER: 'As carrier', SHIPPER: 'As shipper' };

/** Miles or kg with one decimal, as the API rounds them. */
export function oneDecimal(value: number | undefined): string {
  return value === undefined ? '—' : new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(value);
}

/** The money a role earned (carrier) or saved (shipper), per currency: "$1,985.93 earned". */
export function surplusText(figures: Pick<OutcomeFigures, 'surplus' | 'surplusKind'>, money: (amount: Schemas['Money']) => string): string {
  const verb = figures.surplusKind === 'EARNED' ? 'earned' : 'saved';
  return figures.surplus.length === 0 ? `nothing ${verb}` : figures.surplus.map((amount) => `${money(amount)} ${verb}`).join(', ');
}

/** CO₂e avoided with the factor set that produced it, never added across sets (ADR 24). */
export function co2eLines(rows: OutcomeFigures['co2eAvoided']): string[] {
  return rows.map(
    (row) =>
      `${oneDecimal(row.kgWellToWheel)} kg well-to-wheel (${oneDecimal(row.kgTankToWheel)} kg tank-to-wheel), factor set ${row.emissionsMethod.factorSet}, version ${row.emissionsMethod.version}`,
  );
}

/** The deadhead share before and after: "61.1% → 33.8%"; a dash when there are no miles to divide. */
export function deadheadText(figures: Pick<OutcomeFigures, 'deadheadShareBefore' | 'deadheadShareAfter'>): string {
  return figures.deadheadShareBefore === undefined && figures.deadheadShareAfter === undefined
    ? '—'
    : `${percent(figures.deadheadShareBefore)} before, ${percent(figures.deadheadShareAfter)} after`;
}

export interface ChartFigure {
  key: string;
  label: string;
  unit: string;
  value: (figures: OutcomeFigures) => number | null;
  /** A value as the chart's tooltips and table show it. */
  format: (value: number) => string;
}

const decimals = (value: number, digits: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(value);

/**
 * The figures a role's series can be charted by: counts and miles, the carrier's empty miles avoided, the money
 * per currency (in major units) and the CO₂e per factor set, each only where the report has it.
 */
export function chartFigures(role: RoleReport, minorDigits: (currency: string) => number): ChartFigure[] {
  const figures: ChartFigure[] = [];
  if (role.role === 'CARRIER') {
    figures.push({
      key: 'emptyMilesAvoided', label: 'Empty miles avoided', unit: 'miles',
      value: (row) => row.emptyMilesAvoided ?? 0, format: (value) => `${decimals(value, 1)} miles`,
    });
  }
  figures.push(
    { key: 'bookings', label: 'Bookings', unit: 'bookings', value: (row) => row.bookings, format: (value) => `${decimals(value, 0)} ${value === 1 ? 'booking' : 'bookings'}` },
    { key: 'loadedMiles', label: 'Loaded miles', unit: 'miles', value: (row) => row.loadedMiles, format: (value) => `${decimals(value, 1)} miles` },
  );
  const verb = role.totals.surplusKind === 'EARNED' ? 'earned' : 'saved';
  role.totals.surplus.forEach(({ currency }) =>
    figures.push({
      key: `surplus-${currency}`,
      label: `Money ${verb}, ${currency}`,
      unit: currency,
      value: (row) => (row.surplus.find((amount) => amount.currency === currency)?.amountMinorUnits ?? 0) / 10 ** minorDigits(currency),
      format: (value) => new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(value),
    }),
  );
  role.totals.co2eAvoided.forEach(({ emissionsMethod }) =>
    figures.push({
      key: `co2e-${emissionsMethod.factorSet}-${emissionsMethod.version}`,
      label: `CO₂e avoided, kg well-to-wheel (${emissionsMethod.factorSet} ${emissionsMethod.version})`,
      unit: 'kg CO₂e',
      value: (row) =>
        row.co2eAvoided.find((co2e) => co2e.emissionsMethod.factorSet === emissionsMethod.factorSet && co2e.emissionsMethod.version === emissionsMethod.version)
          ?.kgWellToWheel ?? 0,
      format: (value) => `${decimals(value, 1)} kg`,
    }),
  );
  return figures;
}

/**
 * A lane pair as the API names its markets (ADR 45): a US state as `US-TX`, elsewhere a country as `DE`.
 * Shown as given, since a bare `DE` would be both Delaware and Germany: "US-TX → US-MO".
 */
export function lanePairText(row: { origin: string; destination: string }): string {
  return `${row.origin} → ${row.destination}`;
}

/** The outcomes CSV under a name that says what it holds. */
export function outcomesCsvFileName(partnerId: string, from: string, to: string, granularity: Granularity): string {
  return `outcomes-${partnerId}-${from}-to-${to}-by-${granularity.toLowerCase()}.csv`;
}

type Outlook = Schemas['ReloadOutlook'];

/** What a reload outlook says, in words: the probability and its sample, or why it is withheld. */
export function outlookSentences(outlook: Outlook): string[] {
  const window = `${outlook.window.from} to ${outlook.window.to} (${outlook.window.days} ${outlook.window.days === 1 ? 'day' : 'days'})`;
  const sample = `the ${outlook.sampleWeeks.weeks} complete weeks ${outlook.sampleWeeks.from} to ${outlook.sampleWeeks.to}`;
  const area = `within ${outlook.maxOriginDeadheadMiles} miles of ${outlook.near.label ?? `${outlook.near.latitudeDegrees}, ${outlook.near.longitudeDegrees}`}`;
  if (outlook.withheld || !outlook.estimate) {
    return [
      `Withheld: fewer than ${outlook.k ?? 'k'} partners posted or booked lanes ${area} in ${sample}.`,
      'The exchange shows no figure resting on so few partners, not even the sample size, since it could reveal their volumes. Ask again later, or with a larger deadhead radius.',
    ];
  }
  const estimate = outlook.estimate;
  const probability = percent(estimate.probabilityOfAtLeastOneLoad);
  const interval = estimate.bookedShareInterval95
    ? ` (95% Wilson interval ${percent(estimate.bookedShareInterval95.low)} to ${percent(estimate.bookedShareInterval95.high)})`
    : '';
  return [
    `A ${probability} chance of at least one load out of the area ${area} from ${window}: ${oneDecimal(estimate.expectedLoadsInWindow)} loads expected in the window at ${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(estimate.expectedLoadsPerDay)} posted per day.`,
    `${percent(estimate.bookedShare)} of the trucks posted there were booked${interval}.`,
    `The sample: ${estimate.loadLanesPosted} loads and ${estimate.capacityLanesPosted} trucks posted (${estimate.capacityLanesBooked} booked) by ${estimate.distinctPartners} partners in ${sample}, in regions ${outlook.regions.join(', ')}. Loads are taken as posted at the sample's mean rate (a Poisson process).`,
  ];
}

/** A picked place as `near` takes it: "Dallas, TX" (a city as "Name, ST", or "latitude,longitude" typed). */
export function nearText(place: { name: string; stateOrCountry: string }): string {
  return `${place.name}, ${place.stateOrCountry}`;
}
