// What the operator's pages say and compute, kept free of the DOM and of the API client so that it is unit tested:
// matching regions in words, the optimiser's methods, ISO weeks, and the network's figures of all regions by week.
import type { Schemas } from '../api/client';

export type NetworkFigures = Schemas['NetworkFigures'];
export type PlanAgainstBooked = NetworkFigures['planAgainstBooked'];
export type Money = Schemas['Money'];

const GEOHASH_BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';

export interface RegionBounds {
  south: number;
  north: number;
  west: number;
  east: number;
}

/**
 * The box a geohash cell covers (a matching region is a precision-2 cell, ADR 12): its bits alternate longitude,
 * latitude, longitude..., each halving the range. Null for text that is no geohash.
 */
export function geohashBounds(cell: string): RegionBounds | null {
  if (cell === '' || ![...cell].every((character) => GEOHASH_BASE32.includes(character))) {
    return null;
  }
  let [south, north, west, east] = [-90, 90, -180, 180];
  let longitudeBit = true;
  for (const character of cell) {
    const value = GEOHASH_BASE32.indexOf(character);
    for (let bit = 4; bit >= 0; bit -= 1) {
      const set = ((value >> bit) & 1) === 1;
      if (longitudeBit) {
        const middle = (west + east) / 2;
        [west, east] = set ? [middle, east] : [west, middle];
      } else {
        const middle = (south + north) / 2;
        [south, north] = set ? [middle, north] : [south, middle];
      }
      longitudeBit = !longitudeBit;
    }
  }
  return { south, north, west, east };
}

function degrees(value: number, positive: string, negative: string): string {
  return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(Math.abs(value))}°${value >= 0 ? positive : negative}`;
}

/** A region as an operator reads it: "9v (28.1°N to 33.8°N, 101.3°W to 90°W)". */
export function regionLabel(cell: string): string {
  const bounds = geohashBounds(cell);
  if (!bounds) {
    return cell;
  }
  return `${cell} (${degrees(bounds.south, 'N', 'S')} to ${degrees(bounds.north, 'N', 'S')}, ${degrees(bounds.west, 'E', 'W')} to ${degrees(bounds.east, 'E', 'W')})`;
}

/** The optimiser's regions as typed: separated by commas or spaces; none means every region of the gazetteer. */
export function regionsAsTyped(text: string): string[] | undefined {
  const regions = text
    .split(/[\s,]+/)
    .map((region) => region.trim())
    .filter(Boolean);
  return regions.length === 0 ? undefined : regions;
}

export const METHOD_NAMES: Record<Schemas['OptimisationPlan']['selections'][number]['method'], string> = {
  EXACT_MIP: 'proven optimal by exact branch and bound',
  LAGRANGIAN_HEURISTIC: 'a Lagrangian heuristic (too many options for the exact solve), within the gap of its bound',
  LAGRANGIAN_AFTER_EXACT_TIMEOUT: 'a Lagrangian heuristic after the exact solve ran out of time, within the gap of its bound',
};

/** Amounts of several currencies, e.g. "$1,234.56" or "$10.00 and €5.00"; "none" when there is none. */
export function moneyList(amounts: Money[], format: (amount: Money) => string): string {
  return amounts.length === 0 ? 'none' : amounts.map(format).join(' and ');
}

/** What packages gained over the best pairs alone, per currency of the plan's total. */
export function packageGain(plan: Pick<Schemas['OptimisationPlan'], 'totalSurplus' | 'pairsOnlySurplus'>): Money[] {
  return plan.totalSurplus.map((total) => ({
    amountMinorUnits:
      total.amountMinorUnits - (plan.pairsOnlySurplus.find((pairs) => pairs.currency === total.currency)?.amountMinorUnits ?? 0),
    currency: total.currency,
  }));
}

/** A ratio as a percentage with one decimal ("61.3%"), or a dash when there was nothing to divide. */
export function percent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined || !Number.isFinite(ratio)
    ? '—'
    : `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(ratio * 100)}%`;
}

/** A duration in seconds in words: "45 s", "3 min 20 s", "2 h 5 min"; a dash when there is none. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) {
    return '—';
  }
  const whole = Math.round(seconds);
  if (whole < 60) {
    return `${whole} s`;
  }
  if (whole < 3600) {
    const rest = whole % 60;
    return `${Math.floor(whole / 60)} min${rest ? ` ${rest} s` : ''}`;
  }
  const minutes = Math.round((whole % 3600) / 60);
  return `${Math.floor(whole / 3600)} h${minutes ? ` ${minutes} min` : ''}`;
}

/** The ISO week (Monday to Sunday, UTC) of a day, as the API writes it: "2026-W49". */
export function isoWeek(day: Date): string {
  const date = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  const weekday = date.getUTCDay() || 7;
  // The week's Thursday decides its year.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The Monday (UTC) of an ISO week "2026-W49", or null for text that is none. */
export function isoWeekMonday(week: string): Date | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) {
    return null;
  }
  // 4 January is always in week 1.
  const fourthOfJanuary = new Date(Date.UTC(Number(match[1]), 0, 4));
  const firstMonday = fourthOfJanuary.getTime() - ((fourthOfJanuary.getUTCDay() || 7) - 1) * 86_400_000;
  return new Date(firstMonday + (Number(match[2]) - 1) * 7 * 86_400_000);
}

/** Every ISO week from `from` to `to`, both included, at most `limit` (the API's 53); none when unreadable. */
export function weeksBetween(from: string, to: string, limit = 53): string[] {
  const start = isoWeekMonday(from);
  const end = isoWeekMonday(to);
  const weeks: string[] = [];
  if (!start || !end) {
    return weeks;
  }
  for (let monday = start.getTime(); monday <= end.getTime() && weeks.length < limit; monday += 7 * 86_400_000) {
    weeks.push(isoWeek(new Date(monday)));
  }
  return weeks;
}

/** The default range of the network's figures: the last `weeks` ISO weeks, this one included. */
export function recentWeeks(today: Date, weeks: number): { from: string; to: string } {
  return { from: isoWeek(new Date(today.getTime() - (weeks - 1) * 7 * 86_400_000)), to: isoWeek(today) };
}

/** The network's CSV under a name that says what it holds. */
export function networkCsvFileName(from: string, to: string, region: string | undefined): string {
  return `network-figures-${from}-to-${to}-${region || 'all-regions'}.csv`;
}

function sumMoney(amounts: Money[][]): Money[] {
  const byCurrency = new Map<string, number>();
  amounts.flat().forEach((amount) => byCurrency.set(amount.currency, (byCurrency.get(amount.currency) ?? 0) + amount.amountMinorUnits));
  return [...byCurrency.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amountMinorUnits]) => ({ amountMinorUnits, currency }));
}

function sumCo2e(rows: NetworkFigures['co2eAvoided'][]): NetworkFigures['co2eAvoided'] {
  const byMethod = new Map<string, NetworkFigures['co2eAvoided'][number]>();
  rows.flat().forEach((row) => {
    // Figures of different factor sets or versions are never added (ADR 24).
    const key = `${row.factorSet}|${row.version}`;
    const sum = byMethod.get(key);
    byMethod.set(key, sum ? { ...sum, kgWellToWheel: sum.kgWellToWheel + row.kgWellToWheel, kgTankToWheel: sum.kgTankToWheel + row.kgTankToWheel } : { ...row });
  });
  return [...byMethod.values()];
}

const ratio = (part: number, whole: number): number | null => (whole <= 0 ? null : part / whole);

/**
 * Several region-weeks' figures as one: the counters summed, the ratios computed again from the sums as the API
 * computes them (never an average of ratios, ADR 41). The time to first match is weighted by the lanes matched.
 * Distinct partners cannot be summed (a partner may be in several regions): they are left at 0 and not shown.
 */
export function sumFigures(rows: NetworkFigures[]): NetworkFigures {
  const total = (pick: (row: NetworkFigures) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
  const capacityLanesPosted = total((row) => row.capacityLanesPosted);
  const loadLanesPosted = total((row) => row.loadLanesPosted);
  const lanesMatched = total((row) => row.lanesMatched);
  const matchSeconds = total((row) => (row.meanSecondsToFirstMatch ?? 0) * row.lanesMatched);
  const bookings = total((row) => row.bookings);
  const loadedMiles = total((row) => row.loadedMiles);
  const emptyMilesDriven = total((row) => row.emptyMilesDriven);
  const baselineEmptyMiles = total((row) => row.baselineEmptyMiles);
  return {
    capacityLanesPosted,
    loadLanesPosted,
    lanesMatched,
    matchRate: ratio(lanesMatched, capacityLanesPosted + loadLanesPosted),
    meanSecondsToFirstMatch: lanesMatched === 0 ? null : matchSeconds / lanesMatched,
    bookings,
    bookingConversion: lanesMatched === 0 ? null : bookings / lanesMatched,
    deliveries: total((row) => row.deliveries),
    loadedMiles,
    emptyMilesDriven,
    baselineEmptyMiles,
    emptyMilesAvoided: total((row) => row.emptyMilesAvoided),
    emptyMileShareBefore: ratio(baselineEmptyMiles, baselineEmptyMiles + loadedMiles),
    emptyMileShareAfter: ratio(emptyMilesDriven, emptyMilesDriven + loadedMiles),
    distinctPartners: 0,
    surplus: sumMoney(rows.map((row) => row.surplus)),
    co2eAvoided: sumCo2e(rows.map((row) => row.co2eAvoided)),
    planAgainstBooked: sumPlans(rows.map((row) => row.planAgainstBooked)),
  };
}

/** The optimiser's plan against the booked (ADR 48), summed like the other counters; the shares from the sums. */
export function sumPlans(rows: PlanAgainstBooked[]): PlanAgainstBooked {
  const total = (pick: (row: PlanAgainstBooked) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
  const optionsRecommended = total((row) => row.optionsRecommended);
  const recommendedOptionsBooked = total((row) => row.recommendedOptionsBooked);
  const bookings = total((row) => row.bookings);
  const recommendedLoadsBooked = total((row) => row.recommendedLoadsBooked);
  return {
    plansStored: total((row) => row.plansStored),
    optionsRecommended,
    pairsRecommended: total((row) => row.pairsRecommended),
    packagesRecommended: total((row) => row.packagesRecommended),
    loadsRecommended: total((row) => row.loadsRecommended),
    plannedEmptyMilesAvoided: total((row) => row.plannedEmptyMilesAvoided),
    plannedSurplus: sumMoney(rows.map((row) => row.plannedSurplus)),
    bookings,
    recommendedOptionsBooked,
    recommendedLoadsBooked,
    bookedEmptyMilesAvoidedOfPlan: total((row) => row.bookedEmptyMilesAvoidedOfPlan),
    bookedSurplusOfPlan: sumMoney(rows.map((row) => row.bookedSurplusOfPlan)),
    shareOfPlanBooked: optionsRecommended === 0 ? null : recommendedOptionsBooked / optionsRecommended,
    shareOfBookingsFollowingPlan: bookings === 0 ? null : recommendedLoadsBooked / bookings,
    deliveredEmptyMilesAvoided: total((row) => row.deliveredEmptyMilesAvoided),
    deliveredSurplus: sumMoney(rows.map((row) => row.deliveredSurplus)),
  };
}

/**
 * The report's figures by week, oldest first: a single region's weeks as the API gives them, or, for all regions,
 * each week's figures summed over the regions that had any.
 */
export function figuresByWeek(report: Schemas['NetworkFiguresReport']): { week: string; figures: NetworkFigures }[] {
  if (report.regions.length === 1) {
    return [...report.regions[0]!.weeks].sort((a, b) => a.week.localeCompare(b.week));
  }
  const byWeek = new Map<string, NetworkFigures[]>();
  report.regions.forEach((region) => region.weeks.forEach(({ week, figures }) => byWeek.set(week, [...(byWeek.get(week) ?? []), figures])));
  return [...byWeek.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, rows]) => ({ week, figures: sumFigures(rows) }));
}

/** Miles with one decimal and thousands separators. */
export function milesText(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(value);
}

/** CO₂e avoided per factor set, well-to-wheel: "1,016.6 kg (GLEC-NA-2019+DESNZ-2024 bhx-default-1)". */
export function co2eText(rows: { kgWellToWheel: number; factorSet: string; version: string }[]): string {
  return rows.length === 0
    ? '—'
    : rows.map((row) => `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(row.kgWellToWheel)} kg (${row.factorSet} ${row.version})`).join('; ');
}
