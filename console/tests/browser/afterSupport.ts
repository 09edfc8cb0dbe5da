import { expect, type APIRequestContext } from '@playwright/test';
import { apiOrigin, fileCarrierCompliance, registerPartner } from './support';

// Set-up through the API for the compliance and after-booking specs (not what is under test): two partners, a
// truck and a load of this test's own cities, their match and a negotiation; a booking picked up, with positions.

export interface City {
  name: string;
  stateOrCountry: string;
  /** The place's own zone: its times are sent in it, as the console's forms send them. */
  timeZone: string;
}

export interface Deal {
  api: string;
  carrierKey: string;
  shipperKey: string;
  negotiationId: string;
  load: { origin: { latitudeDegrees: number; longitudeDegrees: number }; destination: { latitudeDegrees: number; longitudeDegrees: number } };
}

export const as = (key: string) => ({ Authorization: `Bearer ${key}` });
const at = (offsetMillis: number) => new Date(Date.now() + offsetMillis).toISOString().replace(/\.\d{3}Z$/, 'Z');
const HOUR = 3_600_000;

/** `offsetMillis` from now as a zoned timestamp in `timeZone`, e.g. 2026-12-04T06:00:00-06:00[America/Chicago]. */
function zoned(offsetMillis: number, timeZone: string): string {
  const instant = new Date(Math.floor((Date.now() + offsetMillis) / 1000) * 1000);
  const wall = new Intl.DateTimeFormat('sv-SE', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).format(instant).replace(' ', 'T');
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = name === 'GMT' ? '+00:00' : name.replace('GMT', '');
  return `${wall}${offset}[${timeZone}]`;
}

const place = (city: City) => ({ name: city.name, stateOrCountry: city.stateOrCountry });

/** A PDF's bytes: what the browser uploads and the other party downloads. */
export function pdf(text: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'ascii');
}

/**
 * A carrier's truck from `truckFrom` to `truckTo` and a shipper's load from `truckFrom` to `loadTo`, both windows
 * open now, their match, and an offer by `offeredBy` with no free detention time and USD 60 an hour.
 */
export async function negotiatedDeal(
  request: APIRequestContext,
  baseURL: string | undefined,
  cities: { truckFrom: City; truckTo: City; loadTo: City },
  options: { offeredBy: 'CARRIER' | 'SHIPPER'; carrierCompliant: boolean },
): Promise<Deal> {
  const api = apiOrigin(baseURL);
  const shipperKey = await registerPartner(request, baseURL, ['SHIPPER']);
  const carrierKey = await registerPartner(request, baseURL, ['CARRIER']);
  if (options.carrierCompliant) {
    await fileCarrierCompliance(request, baseURL, carrierKey);
  }
  const truck = await request.post(`${api}/lanes/capacity`, {
    headers: as(carrierKey),
    data: {
      emptyAt: place(cities.truckFrom), mustEndAt: place(cities.truckTo),
      availableFrom: zoned(-HOUR, cities.truckFrom.timeZone), mustArriveBy: zoned(60 * HOUR, cities.truckTo.timeZone),
      equipment: 'DRY_VAN', weightCapacityLbs: 44000, palletCapacity: 26, maxOriginDeadheadMiles: 150, maxDestinationDeadheadMiles: 400,
    },
  });
  expect(truck.status(), await truck.text()).toBe(201);
  const truckLaneId = (await truck.json()).laneId as string;
  const loadAnswer = await request.post(`${api}/lanes/loads`, {
    headers: as(shipperKey),
    data: {
      origin: place(cities.truckFrom), destination: place(cities.loadTo),
      pickupWindow: { opensAt: zoned(-HOUR, cities.truckFrom.timeZone), closesAt: zoned(5 * HOUR, cities.truckFrom.timeZone) },
      deliveryWindow: { opensAt: zoned(-HOUR, cities.loadTo.timeZone), closesAt: zoned(30 * HOUR, cities.loadTo.timeZone) },
      weightLbs: 30000, pallets: 20, equipment: 'DRY_VAN', commodity: 'Canned vegetables',
    },
  });
  expect(loadAnswer.status(), await loadAnswer.text()).toBe(201);
  const load = await loadAnswer.json();
  let matchId = '';
  await expect
    .poll(async () => {
      const matches = await (await request.get(`${api}/lanes/${load.laneId}/matches`, { headers: as(shipperKey) })).json();
      matchId = (matches.items ?? []).find((match: { capacityLaneId: string }) => match.capacityLaneId === truckLaneId)?.matchId ?? '';
      return matchId;
    }, { timeout: 45_000 })
    .not.toBe('');
  const opened = await request.post(`${api}/matches/${matchId}/negotiations`, {
    headers: as(options.offeredBy === 'CARRIER' ? carrierKey : shipperKey),
    data: {
      amount: { amountMinorUnits: 150_000, currency: 'USD' },
      expiresAt: at(2 * HOUR),
      accessorials: {
        detentionFreeHours: 0, detentionRatePerHour: { amountMinorUnits: 6000, currency: 'USD' },
        tonuFee: { amountMinorUnits: 20000, currency: 'USD' }, tonuCancellationWindowHours: 24,
      },
    },
  });
  expect(opened.status(), await opened.text()).toBe(201);
  return { api, carrierKey, shipperKey, negotiationId: (await opened.json()).negotiationId as string, load };
}

/** The deal accepted by the carrier (compliant) and picked up: the booking's id. */
export async function pickedUpBooking(request: APIRequestContext, deal: Deal): Promise<string> {
  const accepted = await request.post(`${deal.api}/negotiations/${deal.negotiationId}/accept`, { headers: as(deal.carrierKey) });
  expect(accepted.status(), await accepted.text()).toBe(200);
  const bookingId = (await accepted.json()).bookingId as string;
  const pickup = await request.post(`${deal.api}/bookings/${bookingId}/pickup`, { headers: as(deal.carrierKey), data: { actualTime: at(0) } });
  expect(pickup.status(), await pickup.text()).toBe(200);
  return bookingId;
}

/** One position report of the carrier, now; the answer is the tracking. */
export async function reportPosition(request: APIRequestContext, deal: Deal, bookingId: string, latitudeDegrees: number, longitudeDegrees: number) {
  const reported = await request.post(`${deal.api}/bookings/${bookingId}/positions`, {
    headers: as(deal.carrierKey),
    data: { positions: [{ reportedAt: new Date().toISOString(), latitudeDegrees, longitudeDegrees, speedMph: 55 }] },
  });
  expect(reported.status(), await reported.text()).toBe(200);
  return reported.json();
}
