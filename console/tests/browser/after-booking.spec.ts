import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { as, negotiatedDeal, pdf, pickedUpBooking, reportPosition } from './afterSupport';
import { seriousAccessibilityViolations, signIn } from './support';

// The booking page after the booking (ADR 30, 33, 38): tracking with its events and ETA on the map, the carrier's
// proof of delivery uploaded from the browser and downloaded by the shipper, detention claimed and confirmed, and
// the shipper's tracking links created, copied and revoked. The set-up (lanes, match, offer, accept, pickup and
// the truck's positions) goes through the API.

async function expectAccessible(page: Page) {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

test('tracking events and ETA on a picked-up booking; the carrier uploads the proof of delivery, the shipper downloads it; detention claimed, confirmed at the pickup and disputed at the delivery', async ({ page, browser, request, baseURL }) => {
  test.setTimeout(180_000);
  const deal = await negotiatedDeal(request, baseURL, {
    truckFrom: { name: 'Kansas City', stateOrCountry: 'MO', timeZone: 'America/Chicago' }, truckTo: { name: 'Des Moines', stateOrCountry: 'IA', timeZone: 'America/Chicago' },
    loadTo: { name: 'Omaha', stateOrCountry: 'NE', timeZone: 'America/Chicago' },
  }, { offeredBy: 'SHIPPER', carrierCompliant: true });
  const bookingId = await pickedUpBooking(request, deal);
  // At the pickup, then 30 miles on towards Omaha: arrived and left the pickup, an ETA at the delivery.
  const origin = deal.load.origin;
  await reportPosition(request, deal, bookingId, origin.latitudeDegrees, origin.longitudeDegrees);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const tracking = await reportPosition(request, deal, bookingId, origin.latitudeDegrees + 0.3, origin.longitudeDegrees - 0.3);
  expect(tracking.nextStop).toBe('DELIVERY');

  await signIn(page, deal.carrierKey);
  await page.goto(`./#/bookings/${bookingId}`);
  const trackingSection = page.getByRole('region', { name: 'Tracking', exact: true });
  await expect(trackingSection.getByTestId('tracking-next-stop')).toHaveText('the delivery');
  await expect(trackingSection.getByTestId('tracking-eta')).toContainText('CST');
  const events = trackingSection.getByRole('list', { name: 'Tracking events, oldest first' });
  await expect(events.getByRole('listitem').nth(0)).toContainText('#1');
  await expect(events).toContainText('Arrived at the pickup');
  await expect(events).toContainText('Left the pickup');
  await expect(events).toContainText('ETA at the delivery');
  await expect(trackingSection.locator('svg[data-truck-drawn="1"]')).toBeVisible();
  const eventsBefore = await events.getByRole('listitem').count();
  expect(eventsBefore).toBeGreaterThanOrEqual(3);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('booking-tracking.png'), fullPage: true });

  // The proof of delivery: a file too large is refused before anything is sent; the PDF goes to storage.
  const upload = page.getByRole('form', { name: 'Upload a document' });
  await expect(upload.getByLabel('Document')).toHaveValue('PROOF_OF_DELIVERY');
  await upload.getByLabel('File').setInputFiles({ name: 'big.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(10 * 1024 * 1024 + 1) });
  await upload.getByRole('button', { name: 'Upload' }).click();
  await expect(upload.locator('.field-error[data-pointer="/file"]')).toContainText('at most 10 MB');
  const bytes = pdf('Proof of delivery: 20 pallets of canned vegetables received in good order');
  await upload.getByLabel('File').setInputFiles({ name: 'pod.pdf', mimeType: 'application/pdf', buffer: bytes });
  await upload.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Proof of delivery uploaded and confirmed' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Proof of delivery' })).toContainText('PDF');
  // The confirmed proof of delivery is the booking's next tracking event, numbered after the others.
  await expect(events.getByRole('listitem')).toHaveCount(eventsBefore + 1);
  await expect(events.getByRole('listitem').last()).toContainText(`#${eventsBefore + 1}`);
  await expect(events.getByRole('listitem').last()).toContainText('Proof of delivery received');

  // Detention at the pickup: no free time, so the seconds at the dock are a started quarter hour at USD 60.
  const pickupDetention = page.getByRole('article', { name: 'Detention at the pickup' });
  await expect(pickupDetention.getByTestId('detention-status-pickup')).toHaveText('Charge computed, not claimed: $15.00');
  await expect(pickupDetention).toContainText('0 free hours: 15 min billed (per started quarter hour) at $60.00 an hour = $15.00.');
  await pickupDetention.getByRole('button', { name: 'Claim $15.00 detention at the pickup' }).click();
  await expect(pickupDetention.getByTestId('detention-status-pickup')).toHaveText('Claimed by the carrier: $15.00');
  await expect(page.getByRole('region', { name: 'Tracking links for your customer' })).toHaveCount(0);
  await expectAccessible(page);

  // The truck reaches the delivery and leaves it; the carrier claims that stop's detention through the API.
  const destination = deal.load.destination;
  await reportPosition(request, deal, bookingId, destination.latitudeDegrees, destination.longitudeDegrees);
  await new Promise((resolve) => setTimeout(resolve, 1200));
  await reportPosition(request, deal, bookingId, destination.latitudeDegrees + 0.1, destination.longitudeDegrees);
  const claimed = await request.post(`${deal.api}/bookings/${bookingId}/detention/delivery/claim`, { headers: as(deal.carrierKey) });
  expect(claimed.status(), await claimed.text()).toBe(200);

  // The shipper downloads the proof of delivery, byte for byte, confirms the pickup's detention and disputes the delivery's.
  const shipperContext = await browser.newContext({ baseURL });
  const shipper = await shipperContext.newPage();
  await signIn(shipper, deal.shipperKey);
  await shipper.goto(`./#/bookings/${bookingId}`);
  const podRow = shipper.getByRole('row').filter({ hasText: 'Proof of delivery' });
  await expect(podRow).toBeVisible();
  await expect(shipper.getByRole('form', { name: 'Upload a document' })).toHaveCount(0);
  const downloading = shipper.waitForEvent('download');
  await podRow.getByRole('button', { name: /Download/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  expect(readFileSync(await download.path()).equals(bytes)).toBe(true);
  const shipperDetention = shipper.getByRole('article', { name: 'Detention at the pickup' });
  await expect(shipperDetention.getByTestId('detention-status-pickup')).toHaveText('Claimed by the carrier: $15.00');
  await expect(shipperDetention.getByRole('button', { name: /Claim/ })).toHaveCount(0);
  const confirm = shipperDetention.getByRole('button', { name: 'Confirm the pickup detention' });
  await confirm.focus();
  await shipper.keyboard.press('Enter');
  await expect(shipperDetention.getByTestId('detention-status-pickup')).toHaveText('Confirmed by the shipper: $15.00');
  const deliveryDetention = shipper.getByRole('article', { name: 'Detention at the delivery' });
  await expect(deliveryDetention.getByTestId('detention-status-delivery')).toHaveText('Claimed by the carrier: $15.00');
  await deliveryDetention.getByRole('button', { name: 'Dispute…' }).click();
  const dispute = deliveryDetention.getByRole('form', { name: 'Dispute the delivery detention' });
  await dispute.getByRole('button', { name: 'Send the dispute' }).click();
  await expect(dispute.locator('.field-error[data-pointer="/reason"]')).toBeVisible();
  await expect(dispute.getByLabel('Why you dispute it')).toBeFocused();
  await dispute.getByLabel('Why you dispute it').fill('Our gate log shows the truck left at once.');
  await dispute.getByRole('button', { name: 'Send the dispute' }).click();
  await expect(deliveryDetention.getByTestId('detention-status-delivery')).toHaveText('Disputed by the shipper: $15.00');
  await expect(deliveryDetention).toContainText('Our gate log shows the truck left at once.');
  const decided = await (await request.get(`${deal.api}/bookings/${bookingId}/detention`, { headers: as(deal.carrierKey) })).json();
  expect(decided.stops.map((stop: { status: string }) => stop.status)).toEqual(['CONFIRMED', 'DISPUTED']);
  await expectAccessible(shipper);
  await shipper.screenshot({ path: test.info().outputPath('booking-shipper-after.png'), fullPage: true });
  await shipperContext.close();
});

test('the shipper creates a tracking link, copies it and revokes it; the public page answers until then', async ({ page, context, request, baseURL }) => {
  test.setTimeout(150_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const deal = await negotiatedDeal(request, baseURL, {
    truckFrom: { name: 'Little Rock', stateOrCountry: 'AR', timeZone: 'America/Chicago' }, truckTo: { name: 'Memphis', stateOrCountry: 'TN', timeZone: 'America/Chicago' },
    loadTo: { name: 'Memphis', stateOrCountry: 'TN', timeZone: 'America/Chicago' },
  }, { offeredBy: 'SHIPPER', carrierCompliant: true });
  const bookingId = await pickedUpBooking(request, deal);
  await reportPosition(request, deal, bookingId, deal.load.origin.latitudeDegrees + 0.2, deal.load.origin.longitudeDegrees + 0.3);

  await signIn(page, deal.shipperKey);
  await page.goto(`./#/bookings/${bookingId}`);
  const links = page.getByRole('region', { name: 'Tracking links for your customer' });
  const form = links.getByRole('form', { name: 'Create a tracking link' });
  // Longer than 30 days: refused at the field.
  await form.getByLabel('Works for (days)').fill('40');
  await form.getByRole('button', { name: 'Create a tracking link' }).click();
  await expect(form.locator('.field-error[data-pointer="/expiresAt"]')).toBeVisible();
  await expect(form.getByLabel('Works for (days)')).toBeFocused();
  await form.getByLabel('Works for (days)').fill('3');
  await form.getByRole('button', { name: 'Create a tracking link' }).click();
  const url = await links.getByRole('textbox', { name: 'Tracking link' }).inputValue();
  expect(url).toMatch(/\/track\/#trk_[A-Za-z0-9_-]{43}$/);
  await links.getByRole('button', { name: 'Copy link' }).click();
  await expect(links.getByRole('status').filter({ hasText: 'Copied to the clipboard.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expect(links.getByRole('row').filter({ hasText: 'Active' })).toHaveCount(1);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('booking-tracking-links.png'), fullPage: true });

  // The customer's view: the public API and the page render the shipment without a key.
  const token = url.split('#')[1]!;
  const view = await request.get(`${deal.api}/public/tracking/${token}`);
  expect(view.status()).toBe(200);
  expect((await view.json()).status).toBe('IN_TRANSIT');
  const customer = await page.context().newPage();
  await customer.goto(url);
  await expect(customer.locator('body')).toContainText(/in transit/i);
  await customer.close();

  // Revoked: the table says so and the token reads as unknown.
  await links.getByRole('button', { name: /^Revoke/ }).click();
  await expect(links.getByRole('status').filter({ hasText: 'Link revoked' })).toBeVisible();
  await expect(links.getByRole('row').filter({ hasText: 'Revoked' })).toHaveCount(1);
  await expect(links.getByRole('textbox', { name: 'Tracking link' })).toHaveCount(0);
  expect([404, 410]).toContain((await request.get(`${deal.api}/public/tracking/${token}`)).status());
});
