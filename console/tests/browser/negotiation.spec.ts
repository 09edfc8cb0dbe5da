import { expect, test, type Page } from '@playwright/test';
import { apiOrigin, fileCarrierCompliance, registerPartner, seriousAccessibilityViolations, signIn } from './support';

// Two partners in two browser contexts (two sessions, two keys): the carrier opens a negotiation on a match,
// the shipper counters, the carrier accepts; the booking and its rate confirmation appear for both. The lanes
// (Atlanta to Dallas, a load from Atlanta to Jackson on the way) are this test's alone on the stack, so the
// truck's only match is with this shipper's load.

/** A zoned timestamp `days` from today at `hour`:00, Chicago time. */
function day(days: number, hour: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00-06:00[America/Chicago]`;
}

async function expectAccessible(page: Page) {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

test('a carrier offers on a match, the shipper counters in its own session, the carrier accepts: booking and rate confirmation for both', async ({ page, browser, request, baseURL }) => {
  test.setTimeout(150_000);
  const api = apiOrigin(baseURL);
  const shipperKey = await registerPartner(request, baseURL, ['SHIPPER']);
  const carrierKey = await registerPartner(request, baseURL, ['CARRIER']);
  await fileCarrierCompliance(request, baseURL, carrierKey);
  const load = await request.post(`${api}/lanes/loads`, {
    headers: { Authorization: `Bearer ${shipperKey}` },
    data: {
      origin: { name: 'Atlanta', stateOrCountry: 'GA' },
      destination: { name: 'Jackson', stateOrCountry: 'MS' },
      pickupWindow: { opensAt: day(1, 6), closesAt: day(1, 20) },
      deliveryWindow: { opensAt: day(1, 8), closesAt: day(3, 20) },
      weightLbs: 20000, pallets: 10, equipment: 'DRY_VAN', commodity: 'Paper goods',
    },
  });
  expect(load.status(), await load.text()).toBe(201);
  const truck = await request.post(`${api}/lanes/capacity`, {
    headers: { Authorization: `Bearer ${carrierKey}` },
    data: {
      emptyAt: { name: 'Atlanta', stateOrCountry: 'GA' },
      mustEndAt: { name: 'Dallas', stateOrCountry: 'TX' },
      availableFrom: day(1, 5), mustArriveBy: day(4, 18),
      equipment: 'DRY_VAN', weightCapacityLbs: 44000, palletCapacity: 26,
      maxOriginDeadheadMiles: 150, maxDestinationDeadheadMiles: 500,
    },
  });
  expect(truck.status(), await truck.text()).toBe(201);
  const truckLaneId = (await truck.json()).laneId as string;

  // The carrier opens a negotiation from its truck's match.
  await signIn(page, carrierKey);
  await page.goto(`./#/lanes/${truckLaneId}`);
  const match = page.getByRole('article').first();
  await expect(match).toBeVisible({ timeout: 45_000 });
  await match.getByRole('button', { name: 'Open a negotiation' }).click();
  const opening = page.getByRole('form', { name: 'Opening offer' });
  await expect(opening.getByLabel('All-in amount, USD')).not.toHaveValue('');

  // What the API refuses is shown at the field its pointer names: an amount that is no number, then an expiry too far.
  await opening.getByLabel('All-in amount, USD').fill('lots');
  await opening.getByRole('button', { name: 'Send the offer' }).click();
  await expect(opening.getByRole('alert')).toBeVisible();
  await expect(opening.locator('.field-error[data-pointer="/amount"]')).toBeVisible();
  await expect(opening.getByLabel('All-in amount, USD')).toBeFocused();
  await opening.getByLabel('All-in amount, USD').fill('900');
  await opening.getByLabel('Offer stands for (hours)').fill('100');
  await opening.getByRole('button', { name: 'Send the offer' }).click();
  await expect(opening.locator('.field-error[data-pointer="expiresInHours"]')).toContainText('72');
  await expect(opening.getByLabel('Offer stands for (hours)')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  await opening.getByLabel('Offer stands for (hours)').fill('6');
  await opening.getByLabel('Note (optional)').fill('Can pick up first thing.');
  await opening.getByRole('button', { name: 'Send the offer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Negotiation' })).toBeVisible();
  await expect(page.getByTestId('negotiation-status')).toHaveText('Open');
  await expect(page.getByText('Waiting for the shipper to answer.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '$900.00' })).toContainText('Can pick up first thing.');
  const negotiationUrl = page.url();

  // The shipper, in its own browser session, finds it in its inbox with the countdown and counters.
  const shipperContext = await browser.newContext({ baseURL });
  const shipper = await shipperContext.newPage();
  await signIn(shipper, shipperKey);
  await shipper.getByRole('link', { name: 'Negotiations' }).click();
  await expect(shipper.getByRole('heading', { level: 1, name: 'Negotiations' })).toBeVisible();
  const row = shipper.getByRole('row').filter({ hasText: '$900.00' });
  await expect(row).toContainText('Yours');
  await expect(row).toContainText(/in [0-9]+ h/);
  await expectAccessible(shipper);
  await shipper.screenshot({ path: test.info().outputPath('negotiations-inbox.png'), fullPage: true });
  await row.getByRole('link').click();
  await expect(shipper.getByTestId('negotiation-status')).toHaveText('Open');
  await expect(shipper.getByRole('table').getByRole('row').nth(1)).toContainText('of');
  await shipper.getByRole('button', { name: 'Counter' }).click();
  const counter = shipper.getByRole('form', { name: 'Counter-offer' });
  await counter.getByLabel('All-in amount, USD').fill('850');
  await counter.getByLabel('Offer stands for (hours)').fill('6');
  await counter.getByRole('button', { name: 'Send the counter-offer' }).click();
  await expect(shipper.getByRole('status').filter({ hasText: 'Counter-offer sent.' })).toBeVisible();
  await expect(shipper.getByText('Waiting for the carrier to answer.')).toBeVisible();
  await expect(shipper.getByRole('listitem').filter({ hasText: 'countered $850.00' })).toBeVisible();
  await expectAccessible(shipper);
  await shipper.screenshot({ path: test.info().outputPath('negotiation.png'), fullPage: true });

  // The carrier accepts with the keyboard.
  await page.goto(negotiationUrl);
  await page.reload();
  const accept = page.getByRole('button', { name: 'Accept $850.00' });
  await accept.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Offer accepted' })).toBeVisible();
  await expect(page.getByTestId('negotiation-status')).toHaveText('Agreed');
  await expect(page.getByRole('listitem').filter({ hasText: 'accepted' })).toBeVisible();

  // The shipper's page still offers to withdraw; the API's refusal is shown with its title and detail.
  await shipper.getByRole('button', { name: 'Withdraw your offer' }).click();
  const refusal = shipper.getByRole('alert');
  await expect(refusal).toBeVisible();
  await expect(refusal.locator('.problem-title')).not.toBeEmpty();
  await expect(refusal.locator('.problem-detail')).not.toBeEmpty();

  // The booking and its rate confirmation, for the carrier, who records the pickup.
  await page.getByRole('link', { name: /the booking and its rate confirmation/ }).click();
  const sheet = page.getByRole('article', { name: 'Rate confirmation' });
  await expect(sheet).toBeVisible();
  await expect(sheet.locator('.all-in-rate')).toHaveText('$850.00');
  await expect(sheet).toContainText('Atlanta');
  await expect(sheet).toContainText('Jackson');
  await expect(page.getByRole('heading', { name: 'Status: Booked' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('booking.png'), fullPage: true });

  // Printed, the rate confirmation stands alone: the navigation and the actions are not on paper.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('form', { name: 'Record the pickup' })).toBeHidden();
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('button', { name: 'Print' })).toBeHidden();
  await page.screenshot({ path: test.info().outputPath('rate-confirmation-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('form', { name: 'Record the pickup' }).getByRole('button', { name: 'Record the pickup' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Pickup recorded.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Status: Picked up' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Record the delivery' })).toBeVisible();

  // The shipper sees the same booking among its own, without the carrier's actions.
  await shipper.getByRole('link', { name: 'Bookings' }).click();
  const bookingRow = shipper.getByRole('row').filter({ hasText: '$850.00' });
  await expect(bookingRow).toContainText('shipper');
  await expect(bookingRow).toContainText('Picked up');
  await expectAccessible(shipper);
  await bookingRow.getByRole('link').click();
  await expect(shipper.getByRole('article', { name: 'Rate confirmation' }).locator('.all-in-rate')).toHaveText('$850.00');
  await expect(shipper.getByRole('form', { name: /Record the/ })).toHaveCount(0);
  await shipperContext.close();
});

test('a broker switches to the principal it acts for and sees its negotiations', async ({ page, request, baseURL }) => {
  const api = apiOrigin(baseURL);
  const brokerKey = await registerPartner(request, baseURL, ['BROKER']);
  const shipperKey = await registerPartner(request, baseURL, ['SHIPPER']);
  const broker = await (await request.get(`${api}/partners/me`, { headers: { Authorization: `Bearer ${brokerKey}` } })).json();
  const shipper = await (await request.get(`${api}/partners/me`, { headers: { Authorization: `Bearer ${shipperKey}` } })).json();
  const granted = await request.put(`${api}/partners/me/delegations/${broker.partnerId}`, {
    headers: { Authorization: `Bearer ${shipperKey}` },
  });
  expect(granted.status(), await granted.text()).toBe(200);

  await signIn(page, brokerKey);
  await page.getByRole('link', { name: 'Negotiations' }).click();
  const actingFor = page.getByLabel('Acting for');
  await expect(actingFor).toHaveValue(shipper.partnerId);
  await expect(page.getByText('No negotiations yet.', { exact: false })).toBeVisible();
  await page.getByLabel('Status').selectOption('AGREED');
  await expect(page.getByText('with status agreed')).toBeVisible();
  await expectAccessible(page);
});

test('a negotiation that is not yours, or an unknown one, shows the problem, not a blank page', async ({ page, request, baseURL }) => {
  await signIn(page, await registerPartner(request, baseURL, ['CARRIER']));
  await page.goto('./#/negotiations/01JDZZZZZZZZZZZZZZZZZZZZZZ');
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert.locator('.problem-title')).not.toBeEmpty();
  await page.goto('./#/bookings/01JDZZZZZZZZZZZZZZZZZZZZZZ');
  await expect(page.getByRole('alert').locator('.problem-title')).not.toBeEmpty();
  await expectAccessible(page);
});

test('the carrier withdraws its own offer, and the shipper rejects the next one, each with the keyboard', async ({ page, browser, request, baseURL }) => {
  test.setTimeout(120_000);
  const api = apiOrigin(baseURL);
  const shipperKey = await registerPartner(request, baseURL, ['SHIPPER']);
  const carrierKey = await registerPartner(request, baseURL, ['CARRIER']);
  const as = (key: string) => ({ Authorization: `Bearer ${key}` });
  // Chicago to St. Louis, with a load from Chicago to Springfield, IL on the way: lanes of this test alone.
  expect((await request.post(`${api}/lanes/loads`, { headers: as(shipperKey), data: {
    origin: { name: 'Chicago', stateOrCountry: 'IL' }, destination: { name: 'Springfield', stateOrCountry: 'IL' },
    pickupWindow: { opensAt: day(1, 6), closesAt: day(1, 20) }, deliveryWindow: { opensAt: day(1, 8), closesAt: day(3, 20) },
    weightLbs: 20000, pallets: 10, equipment: 'DRY_VAN', commodity: 'Paper goods',
  } })).status()).toBe(201);
  const truck = await request.post(`${api}/lanes/capacity`, { headers: as(carrierKey), data: {
    emptyAt: { name: 'Chicago', stateOrCountry: 'IL' }, mustEndAt: { name: 'St. Louis', stateOrCountry: 'MO' },
    availableFrom: day(1, 5), mustArriveBy: day(4, 18), equipment: 'DRY_VAN', weightCapacityLbs: 44000,
    palletCapacity: 26, maxOriginDeadheadMiles: 150, maxDestinationDeadheadMiles: 200,
  } });
  expect(truck.status(), await truck.text()).toBe(201);
  const truckLaneId = (await truck.json()).laneId as string;
  let matchId = '';
  await expect.poll(async () => {
    const matches = await (await request.get(`${api}/lanes/${truckLaneId}/matches`, { headers: as(carrierKey) })).json();
    matchId = matches.items?.[0]?.matchId ?? '';
    return matchId;
  }, { timeout: 45_000 }).not.toBe('');
  const offer = async (amount: number) => {
    const opened = await request.post(`${api}/matches/${matchId}/negotiations`, { headers: as(carrierKey), data: {
      amount: { amountMinorUnits: amount, currency: 'USD' },
      expiresAt: new Date(Date.now() + 6 * 3_600_000).toISOString(),
    } });
    expect(opened.status(), await opened.text()).toBe(201);
    return (await opened.json()).negotiationId as string;
  };

  await signIn(page, carrierKey);
  await page.goto(`./#/negotiations/${await offer(70_000)}`);
  const withdraw = page.getByRole('button', { name: 'Withdraw your offer' });
  await withdraw.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Offer withdrawn.' })).toBeVisible();
  await expect(page.getByTestId('negotiation-status')).toHaveText('Withdrawn');
  await expect(page.getByRole('listitem').filter({ hasText: 'withdrew the offer' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Accept|Withdraw/ })).toHaveCount(0);

  const second = await offer(72_000);
  const shipperContext = await browser.newContext({ baseURL });
  const shipper = await shipperContext.newPage();
  await signIn(shipper, shipperKey);
  await shipper.goto(`./#/negotiations/${second}`);
  await expect(shipper.getByRole('button', { name: 'Accept $720.00' })).toBeVisible();
  const reject = shipper.getByRole('button', { name: 'Reject' });
  await reject.focus();
  await shipper.keyboard.press('Enter');
  await expect(shipper.getByRole('status').filter({ hasText: 'Offer rejected.' })).toBeVisible();
  await expect(shipper.getByTestId('negotiation-status')).toHaveText('Rejected');
  await expectAccessible(shipper);

  // Both show in the shipper's inbox, each with its final status and no countdown.
  await shipper.getByRole('link', { name: 'Negotiations', exact: true }).click();
  await expect(shipper.getByRole('row').filter({ hasText: '$720.00' })).toContainText('Rejected');
  await expect(shipper.getByRole('row').filter({ hasText: '$700.00' })).toContainText('Withdrawn');
  await shipperContext.close();
});
