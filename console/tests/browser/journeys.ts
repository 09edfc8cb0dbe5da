import { expect, type APIRequestContext } from '@playwright/test';
import { apiOrigin, fileCarrierCompliance, registerPartnerWithId } from './support';

export interface DeliveredBooking {
  carrier: { token: string; partnerId: string };
  shipper: { token: string; partnerId: string };
  bookingId: string;
}

/** An RFC 3339 UTC instant `hours` from now. */
function at(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A booking delivered today, set up through the API as the network guide does (test set-up, not what is under
 * test): a carrier that filed its compliance, its truck empty in Dallas going home to Chicago, a shipper's load
 * from Dallas to St. Louis whose pickup window is open now, their match, the shipper's offer accepted by the
 * carrier, the pickup and the delivery. It adds to both parties' outcomes and to region 9v's network figures.
 */
export async function deliveredBooking(request: APIRequestContext, baseURL: string | undefined): Promise<DeliveredBooking> {
  const api = apiOrigin(baseURL);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const carrier = await registerPartnerWithId(request, baseURL, ['CARRIER']);
  const shipper = await registerPartnerWithId(request, baseURL, ['SHIPPER']);
  await fileCarrierCompliance(request, baseURL, carrier.token);

  const truck = await request.post(`${api}/lanes/capacity`, {
    headers: as(carrier.token),
    data: {
      emptyAt: { name: 'Dallas', stateOrCountry: 'TX' }, mustEndAt: { name: 'Chicago', stateOrCountry: 'IL' },
      availableFrom: at(-1), mustArriveBy: at(60), equipment: 'DRY_VAN', weightCapacityLbs: 44000, palletCapacity: 26,
      maxOriginDeadheadMiles: 150, maxDestinationDeadheadMiles: 350,
    },
  });
  expect(truck.status(), await truck.text()).toBe(201);
  const truckLaneId = (await truck.json()).laneId as string;
  const load = await request.post(`${api}/lanes/loads`, {
    headers: as(shipper.token),
    data: {
      origin: { name: 'Dallas', stateOrCountry: 'TX' }, destination: { name: 'St. Louis', stateOrCountry: 'MO' },
      pickupWindow: { opensAt: at(-1), closesAt: at(5) }, deliveryWindow: { opensAt: at(12), closesAt: at(30) },
      weightLbs: 38000, pallets: 22, equipment: 'DRY_VAN', commodity: 'Canned tomatoes',
      budget: { amountMinorUnits: 240000, currency: 'USD' },
    },
  });
  expect(load.status(), await load.text()).toBe(201);
  const loadLaneId = (await load.json()).laneId as string;

  let matchId = '';
  await expect
    .poll(
      async () => {
        const matches = await (await request.get(`${api}/lanes/${loadLaneId}/matches`, { headers: as(shipper.token) })).json();
        matchId = (matches.items ?? []).find((match: { capacityLaneId: string }) => match.capacityLaneId === truckLaneId)?.matchId ?? '';
        return matchId;
      },
      { timeout: 45_000 },
    )
    .not.toBe('');
  const opened = await request.post(`${api}/matches/${matchId}/negotiations`, {
    headers: as(shipper.token),
    data: { amount: { amountMinorUnits: 200000, currency: 'USD' }, expiresAt: at(2) },
  });
  expect(opened.status(), await opened.text()).toBe(201);
  const accepted = await request.post(`${api}/negotiations/${(await opened.json()).negotiationId}/accept`, { headers: as(carrier.token) });
  expect(accepted.ok(), await accepted.text()).toBeTruthy();
  const bookingId = (await accepted.json()).bookingId as string;
  const pickup = await request.post(`${api}/bookings/${bookingId}/pickup`, { headers: as(carrier.token), data: { actualTime: at(0) } });
  expect(pickup.ok(), await pickup.text()).toBeTruthy();
  // The delivery comes after the pickup (times are to the second).
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const delivery = await request.post(`${api}/bookings/${bookingId}/delivery`, { headers: as(carrier.token), data: { actualTime: at(0), actualMiles: 631.2 } });
  expect(delivery.ok(), await delivery.text()).toBeTruthy();
  return { carrier, shipper, bookingId };
}
