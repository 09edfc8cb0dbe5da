import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiOrigin, fileCarrierCompliance, registerPartnerWithId, seriousAccessibilityViolations, signIn } from './support';

// A reload package from the carrier's lane to the bookings, in three browser sessions (the carrier and two shippers).
// The lanes are this test's own, set up through the API: a truck empty in Indianapolis that must end in Milwaukee,
// a load Indianapolis → St. Louis and the next day a load St. Louis → Chicago, of two shippers. Neither load alone
// gets the truck to Milwaukee within its deadhead limits (150 mi), one after the other they do: the engine offers
// the truck the package of the two (docs/guide/packages.md, PackageJourneyTest).

/** A zoned timestamp `days` from today at `hour`:00, Chicago time. */
function day(days: number, hour: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00-06:00[America/Chicago]`;
}

async function expectAccessible(page: Page) {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

async function postLoad(request: APIRequestContext, api: string, key: string, from: [string, string], to: [string, string], days: number, pickupCloses: number, budgetCents: number) {
  const response = await request.post(`${api}/lanes/loads`, {
    headers: { Authorization: `Bearer ${key}` },
    data: {
      origin: { name: from[0], stateOrCountry: from[1] },
      destination: { name: to[0], stateOrCountry: to[1] },
      pickupWindow: { opensAt: day(days, 6), closesAt: day(days, pickupCloses) },
      deliveryWindow: { opensAt: day(days, 10), closesAt: day(days, 18) },
      weightLbs: 30000, pallets: 20, equipment: 'DRY_VAN', commodity: 'General freight',
      budget: { amountMinorUnits: budgetCents, currency: 'USD' },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).laneId as string;
}

test('a carrier sees a package on its truck, reads it leg by leg and offers it; each shipper sees only its own load and accepts; the package books', async ({ page, browser, request, baseURL }) => {
  test.setTimeout(180_000);
  const api = apiOrigin(baseURL);
  const carrier = await registerPartnerWithId(request, baseURL, ['CARRIER']);
  await fileCarrierCompliance(request, baseURL, carrier.token);
  const shippers = [await registerPartnerWithId(request, baseURL, ['SHIPPER']), await registerPartnerWithId(request, baseURL, ['SHIPPER'])];
  const loads = [
    await postLoad(request, api, shippers[0]!.token, ['Indianapolis', 'IN'], ['St. Louis', 'MO'], 2, 8, 90_000),
    await postLoad(request, api, shippers[1]!.token, ['St. Louis', 'MO'], ['Chicago', 'IL'], 3, 10, 100_000),
  ];
  const truck = await request.post(`${api}/lanes/capacity`, {
    headers: { Authorization: `Bearer ${carrier.token}` },
    data: {
      emptyAt: { name: 'Indianapolis', stateOrCountry: 'IN' }, mustEndAt: { name: 'Milwaukee', stateOrCountry: 'WI' },
      availableFrom: day(2, 6), mustArriveBy: day(4, 20),
      equipment: 'DRY_VAN', weightCapacityLbs: 44000, palletCapacity: 26,
      maxOriginDeadheadMiles: 150, maxDestinationDeadheadMiles: 150, maxReloadDeadheadMiles: 150,
    },
  });
  expect(truck.status(), await truck.text()).toBe(201);
  const truckLaneId = (await truck.json()).laneId as string;

  // The package of these two loads, in this order (set-up: which of the truck's packages the test follows).
  let packageId: string | undefined;
  await expect.poll(async () => {
    const found = await request.get(`${api}/lanes/${truckLaneId}/packages?limit=100`, { headers: { Authorization: `Bearer ${carrier.token}` } });
    const items = (await found.json()).items as { packageId: string; legs: { loadLaneId: string }[] }[];
    packageId = items.find((item) => item.legs.map((leg) => leg.loadLaneId).join() === loads.join())?.packageId;
    return packageId;
  }, { timeout: 60_000 }).toBeTruthy();

  // The carrier's lane: the package beside the single-load matches (there are none), on the map as a chain.
  await signIn(page, carrier.token);
  await page.goto(`./#/lanes/${truckLaneId}`);
  const ours = page.locator(`article.package-card[data-package-id="${packageId}"]`);
  await expect(ours).toBeVisible({ timeout: 30_000 });
  await expect(ours.getByRole('heading', { level: 3 })).toContainText('2 loads');
  await expect(ours).toContainText('Indianapolis, IN → St. Louis, MO → Chicago, IL → Milwaukee, WI');
  const chain = page.locator(`svg g.package-route[data-package-id="${packageId}"]`);
  await expect(chain.locator('path.leg-loaded')).toHaveCount(2);
  await expect(chain.locator('path.leg-empty')).toHaveCount(3);
  const highlight = ours.getByRole('button', { name: /^Highlight package \d on the map$/ });
  await expect(highlight).toHaveAttribute('aria-pressed', 'false');
  await highlight.click();
  await expect(highlight).toHaveAttribute('aria-pressed', 'true');
  await expect(ours).toHaveAttribute('aria-current', 'true');
  await expect(chain).toHaveClass(/package-selected/);
  await expect(page.getByRole('img', { name: /\d+ reload package\(s\) as chains of loaded \(solid\) and empty \(dashed\) legs/ })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('lane-packages.png'), fullPage: true });

  // The package explained leg by leg and in total, with the drive plan and every window's slack.
  await ours.getByRole('link', { name: /Explain and offer package/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reload package' })).toBeVisible();
  const legRows = page.locator('table.package-legs tbody tr');
  await expect(legRows).toHaveCount(3);
  await expect(legRows.nth(0)).toContainText('Load 1');
  await expect(legRows.nth(0)).toContainText('Indianapolis, IN → St. Louis, MO');
  await expect(legRows.nth(1)).toContainText('St. Louis, MO → Chicago, IL');
  await expect(legRows.nth(2)).toContainText('Milwaukee, WI');
  const total = page.getByTestId('package-total');
  for (const figure of ['Empty to the first pickup', 'Baseline: empty straight to the end', 'Empty miles avoided', 'Out of route', 'CO₂e avoided (well-to-wheel)', 'Surplus to share']) {
    await expect(total).toContainText(figure);
  }
  const plan = page.getByRole('list', { name: 'Drive plan with the windows' });
  await expect(plan).toContainText('Pickup, load 1');
  await expect(plan).toContainText('Delivery, load 2');
  await expect(plan).toContainText('End point');
  await expect(plan).toContainText('to spare');
  await expect(plan).toContainText("Driving, loaded, load 2");
  await expect(plan.locator('li.activity-dwell').first()).toBeVisible();
  await expect(page.locator(`svg g.package-route.package-selected[data-package-id="${packageId}"]`)).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('package.png'), fullPage: true });

  // One conditional offer per load. The API's refusal of an offer that stands too long lands at that load's hours.
  await page.getByRole('button', { name: 'Offer the loads to their shippers' }).click();
  const form = page.getByRole('form', { name: 'Package offers' });
  await form.getByLabel('Load 1: all-in amount, USD').fill('800');
  await form.getByLabel('Load 2: all-in amount, USD').fill('850');
  await form.getByLabel('Load 2: offer stands for (hours)').fill('100');
  await form.getByRole('button', { name: 'Send the package offers' }).click();
  await expect(form.locator('.field-error[data-pointer="expiresInHours-1"]')).toContainText('72');
  await expect(form.getByLabel('Load 2: offer stands for (hours)')).toBeFocused();
  await expectAccessible(page);
  await form.getByLabel('Load 2: offer stands for (hours)').fill('6');
  await form.getByLabel('Load 2: note (optional)').fill('Reload out of St. Louis the morning after');
  await form.getByRole('button', { name: 'Send the package offers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Package deal' })).toBeVisible();
  await expect(page.getByTestId('package-deal-status')).toHaveText('Open');
  const dealUrl = page.url();
  const dealId = dealUrl.split('/').pop()!;
  await expect(page.getByRole('article')).toHaveCount(2);
  await expect(page.getByRole('heading', { name: "Load 1 of 2: The shipper's turn" })).toBeVisible();
  await expect(page.getByRole('article').nth(1)).toContainText(shippers[1]!.partnerId);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('package-deal-carrier.png'), fullPage: true });

  // Each shipper, in its own session, finds the deal in its inbox and sees its own load only.
  const sessions = [];
  for (const [index, shipper] of shippers.entries()) {
    const context = await browser.newContext();
    const shipperPage = await context.newPage();
    sessions.push(context);
    await signIn(shipperPage, shipper.token);
    await shipperPage.getByRole('link', { name: 'Negotiations' }).click();
    const row = shipperPage.locator(`tr[data-deal-id="${dealId}"]`);
    await expect(row).toContainText(`Your load ${index + 1} of 2, as the shipper`);
    await expect(row).toContainText(index === 0 ? '$800.00' : '$850.00');
    await expect(row).not.toContainText(index === 0 ? '$850.00' : '$800.00');
    if (index === 0) {
      await expectAccessible(shipperPage);
      await shipperPage.screenshot({ path: test.info().outputPath('inbox-package-deals.png'), fullPage: true });
    }
    await row.getByRole('link').click();
    await expect(shipperPage.getByRole('heading', { level: 1, name: 'Package deal' })).toBeVisible();
    await expect(shipperPage.getByRole('article')).toHaveCount(1);
    await expect(shipperPage.getByRole('heading', { level: 2, name: `Load ${index + 1} of 2: The shipper's turn` })).toBeVisible();
    await expect(shipperPage.getByText('Your load is one of 2 carried one after another by one truck.')).toBeVisible();
    // Nothing of the other load, its shipper or its price; not even the carrier, the truck or the package.
    const other = 1 - index;
    const text = (await shipperPage.locator('main').innerText()) + (await shipperPage.locator('main').innerHTML());
    for (const secret of [loads[other]!, shippers[other]!.partnerId, other === 0 ? '$800.00' : '$850.00', carrier.partnerId, truckLaneId, packageId!]) {
      expect(text, `the shipper's page shows ${secret}`).not.toContain(secret);
    }
    if (index === 1) {
      await expect(shipperPage.getByRole('article')).toContainText('Reload out of St. Louis the morning after');
      await expectAccessible(shipperPage);
      await shipperPage.screenshot({ path: test.info().outputPath('package-deal-shipper.png'), fullPage: true });
    }
    await shipperPage.getByRole('button', { name: `Accept ${index === 0 ? '$800.00' : '$850.00'} for load ${index + 1}` }).click();
    if (index === 0) {
      await expect(shipperPage.locator('main p[role="status"]')).toContainText('the package books when every load is accepted');
      await expect(shipperPage.getByTestId('package-deal-status')).toHaveText('Open');
    } else {
      await expect(shipperPage.locator('main p[role="status"]')).toContainText('the whole package is booked');
      await expect(shipperPage.getByTestId('package-deal-status')).toHaveText('Booked');
      const bookingLinks = shipperPage.getByRole('link', { name: /^Booking of your load/ });
      await expect(bookingLinks).toHaveCount(1);
      await bookingLinks.click();
      await expect(shipperPage.getByRole('heading', { level: 1, name: 'Booking' })).toBeVisible();
      await expect(shipperPage.locator('main')).toContainText('$850.00');
    }
  }

  // The carrier's deal is booked, with one booking per load linked.
  await page.reload();
  await expect(page.getByTestId('package-deal-status')).toHaveText('Booked');
  const carrierBookings = page.getByRole('link', { name: /^Booking of load/ });
  await expect(carrierBookings).toHaveCount(2);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('package-deal-booked.png'), fullPage: true });
  await page.getByRole('link', { name: 'Booking of load 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Booking' })).toBeVisible();
  await expect(page.locator('main')).toContainText('$800.00');
  await page.goto('./#/negotiations');
  await expect(page.locator(`tr[data-deal-id="${dealId}"]`)).toContainText('2 loads, as the carrier');
  await expect(page.locator(`tr[data-deal-id="${dealId}"]`)).toContainText('Booked');
  for (const context of sessions) {
    await context.close();
  }
});
