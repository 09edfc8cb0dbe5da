import { expect, test } from '@playwright/test';
import type { Schemas } from '../../src/api/client';
import { chainRoute, chainSegments, hopName, slackText, stopName, timeline } from '../../src/packages/chain';
import { dealSummary, failureText, legsAwaiting, turnOnLeg } from '../../src/packages/packageDealText';

const place = (label: string, latitudeDegrees: number, longitudeDegrees: number) => ({ label, latitudeDegrees, longitudeDegrees });
const INDIANAPOLIS = place('Indianapolis, IN', 39.768, -86.158);
const ST_LOUIS = place('St. Louis, MO', 38.627, -90.199);
const CHICAGO = place('Chicago, IL', 41.878, -87.63);
const MILWAUKEE = place('Milwaukee, WI', 43.039, -87.906);

function leg(loadIndex: number, pickup: Schemas['GeoPoint'], delivery: Schemas['GeoPoint'], deadheadToPickupMiles: number, loadedMiles: number) {
  return {
    loadIndex, loadLaneId: `01JDLOAD00000000000000000${loadIndex}`, shipperPartnerId: `01JDSHIP00000000000000000${loadIndex}`,
    pickup, delivery, deadheadToPickupMiles, loadedMiles, attributableMiles: deadheadToPickupMiles + loadedMiles, emptyMilesAvoidedAlone: 0,
  };
}

// Indianapolis → St. Louis, St. Louis → Chicago, then empty to Milwaukee: two loads, two empty stretches.
const PACKAGE = {
  emptyAt: INDIANAPOLIS,
  mustEndAt: MILWAUKEE,
  legs: [leg(0, INDIANAPOLIS, ST_LOUIS, 0, 243.2), leg(1, ST_LOUIS, CHICAGO, 0, 297.4)],
  explanation: { destinationDeadheadMiles: 91.8 },
} as unknown as Schemas['ReloadPackage'];

test('a package is drawn as its chain: empty to the first pickup, each load loaded, the hops between empty, empty to the end', () => {
  const segments = chainSegments(PACKAGE);
  expect(segments.map((segment) => [segment.hop, segment.loaded, segment.from.label, segment.to.label, segment.miles])).toEqual([
    [0, false, 'Indianapolis, IN', 'Indianapolis, IN', 0],
    [1, true, 'Indianapolis, IN', 'St. Louis, MO', 243.2],
    [2, false, 'St. Louis, MO', 'St. Louis, MO', 0],
    [3, true, 'St. Louis, MO', 'Chicago, IL', 297.4],
    [4, false, 'Chicago, IL', 'Milwaukee, WI', 91.8],
  ]);
  expect(segments.map((segment) => segment.label)).toEqual([
    "empty to load 1's pickup",
    'loaded, load 1',
    "empty from load 1's delivery to load 2's pickup",
    'loaded, load 2',
    'empty to the end point',
  ]);
  // The drive plan's leg indexes are the same hops.
  expect(segments.map((segment) => hopName(2, segment.hop))).toEqual([
    "empty to load 1's pickup", 'loaded, load 1', "empty to load 2's pickup", 'loaded, load 2', 'empty to the end point',
  ]);
});

test('a chain reads as the places the truck passes, each once in a row', () => {
  expect(chainRoute(PACKAGE)).toBe('Indianapolis, IN → St. Louis, MO → Chicago, IL → Milwaukee, WI');
  const roundTrip = { ...PACKAGE, mustEndAt: CHICAGO };
  expect(chainRoute(roundTrip)).toBe('Indianapolis, IN → St. Louis, MO → Chicago, IL');
});

test('slack at a window reads in hours and minutes, late when negative', () => {
  expect(slackText(125)).toBe('2 h 05 min to spare');
  expect(slackText(45)).toBe('45 min to spare');
  expect(slackText(0)).toBe('on the dot');
  expect(slackText(-35)).toBe('35 min late');
  expect(stopName({ kind: 'PICKUP', loadIndex: 1, at: '', slackMinutes: 0 })).toBe('Pickup, load 2');
  expect(stopName({ kind: 'END', at: '', slackMinutes: 0 })).toBe('End point');
});

test('the timeline interleaves the drive plan with the windows in time order, a stop before the dwell it starts', () => {
  const activity = (kind: Schemas['DriveActivity']['kind'], startsAt: string) => ({ kind, startsAt, endsAt: startsAt, durationMinutes: 30 });
  const entries = timeline({
    drivePlan: {
      startsAt: '2026-12-06T12:00:00Z', endsAt: '2026-12-06T20:00:00Z', drivingMinutes: 240, stops: [],
      activities: [activity('DWELL', '2026-12-06T12:00:00Z'), activity('DRIVING', '2026-12-06T13:00:00Z'), activity('BREAK', '2026-12-06T17:00:00Z')],
    },
    schedule: [
      { kind: 'PICKUP', loadIndex: 0, at: '2026-12-06T06:00:00-06:00[America/Chicago]', slackMinutes: 120 },
      { kind: 'DELIVERY', loadIndex: 0, at: '2026-12-06T11:30:00-06:00[America/Chicago]', slackMinutes: 390 },
    ],
  });
  expect(entries.map((entry) => (entry.kind === 'stop' ? entry.stop.kind : entry.activity.kind))).toEqual([
    'PICKUP', 'DWELL', 'DRIVING', 'BREAK', 'DELIVERY',
  ]);
});

const offer = (amountMinorUnits: number) => ({
  round: 1, offeredBy: 'CARRIER' as const, amount: { amountMinorUnits, currency: 'USD' }, offeredAt: '2026-12-06T12:00:00Z',
  expiresAt: '2026-12-06T14:00:00Z', expired: false, accessorials: {} as Schemas['AccessorialTerms'],
});
const dealLeg = (legIndex: number, status: Schemas['PackageDealLeg']['status']) => ({
  legIndex, loadLaneId: `01JDLOAD00000000000000000${legIndex}`, status, market: { loadedMiles: 100, outOfRouteMiles: 10 }, offers: [offer(80_000)],
});

test("a package deal's turn is per load, and a side is shown only its own turns", () => {
  expect(turnOnLeg(dealLeg(0, 'AWAITING_SHIPPER'))).toBe('SHIPPER');
  expect(turnOnLeg(dealLeg(0, 'AWAITING_CARRIER'))).toBe('CARRIER');
  expect(turnOnLeg(dealLeg(0, 'ACCEPTED'))).toBeNull();
  const carriers = { dealId: 'd', yourSide: 'CARRIER', status: 'OPEN', loadsInPackage: 2, legs: [dealLeg(0, 'ACCEPTED'), dealLeg(1, 'AWAITING_CARRIER')] } as Schemas['PackageDeal'];
  expect(legsAwaiting(carriers).map((one) => one.legIndex)).toEqual([1]);
  expect(legsAwaiting({ ...carriers, status: 'BOOKED' })).toEqual([]);
  expect(dealSummary(carriers)).toBe('2 loads, as the carrier');
  const shippers = { dealId: 'd', yourSide: 'SHIPPER', status: 'OPEN', loadsInPackage: 3, legs: [dealLeg(1, 'AWAITING_SHIPPER')] } as Schemas['PackageDeal'];
  expect(dealSummary(shippers)).toBe('Your load 2 of 3, as the shipper');
});

test('a failure is told as each side is told it: the carrier which load, a shipper whether it was its own', () => {
  const base = { dealId: 'd', status: 'FAILED', loadsInPackage: 3, legs: [] };
  expect(failureText({ ...base, yourSide: 'CARRIER', failure: { cause: 'DECLINED', legIndex: 2 } } as Schemas['PackageDeal']))
    .toBe('The package failed: a shipper declined (on load 3). Nothing was booked.');
  expect(failureText({ ...base, yourSide: 'SHIPPER', failure: { cause: 'DECLINED', onYourLoad: false } } as Schemas['PackageDeal']))
    .toBe('The package failed: a shipper declined (not on your load). Nothing was booked.');
  expect(failureText({ ...base, yourSide: 'CARRIER', failure: { cause: 'WITHDRAWN' } } as Schemas['PackageDeal']))
    .toBe('The package failed: the carrier withdrew it. Nothing was booked.');
});
