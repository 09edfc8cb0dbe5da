import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { deliveredBooking } from './journeys';
import { apiOrigin, fileCarrierCompliance, registerPartnerWithId, seriousAccessibilityViolations } from './support';
import { isoWeek } from '../../src/operator/operatorText';

// The operator's area: signed in with the local stack's operator key (ConsoleBrowserTest sets BHX_OPERATOR_KEY;
// without it these tests are skipped, as the statement journey is).
const operatorKey = process.env.BHX_OPERATOR_KEY ?? '';

async function expectAccessible(page: Page) {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

async function signInAsOperator(page: Page) {
  await page.goto('./');
  await page.getByLabel('API key', { exact: true }).fill(operatorKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();
}

/** A zoned timestamp `days` from today at `hour`:00, Denver time. */
function day(days: number, hour: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00-07:00[America/Denver]`;
}

test.beforeEach(() => {
  test.skip(!operatorKey, 'BHX_OPERATOR_KEY names the local stack\'s operator key (ConsoleBrowserTest sets it)');
});

test('the operator suspends a partner after a confirmation (its key is refused), reinstates it, revokes a carrier\'s authority and lists expiring insurance', async ({ page, browser, request, baseURL }) => {
  test.setTimeout(120_000);
  const api = apiOrigin(baseURL);
  const carrier = await registerPartnerWithId(request, baseURL, ['CARRIER']);
  await fileCarrierCompliance(request, baseURL, carrier.token);
  const me = async () => (await request.get(`${api}/partners/me`, { headers: { Authorization: `Bearer ${carrier.token}` } })).status();

  // A wrong operator key is refused at sign-in, with the API's problem.
  await page.goto('./');
  await page.getByLabel('API key', { exact: true }).fill(`bhxop_${'x'.repeat(43)}`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  await signInAsOperator(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Network figures' })).toBeVisible();
  // Partner pages are not the operator's.
  await expect(nav.getByRole('link', { name: 'Lanes' })).toHaveCount(0);
  await expect(page.getByRole('table').last().getByRole('row').nth(1)).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('operator-partners.png'), fullPage: true });

  // The partner, found by its id.
  await page.getByLabel('Partner id').fill(carrier.partnerId);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  const found = page.getByRole('table', { name: 'The partner found' }).getByRole('row').filter({ hasText: carrier.partnerId });
  await expect(found.getByTestId('partner-status')).toHaveText('Active');

  // Suspending asks for the reason first; the API's refusal of a missing one is shown at the field.
  await found.getByRole('button', { name: 'Suspend…' }).click();
  const suspend = found.getByRole('form', { name: /^Suspend / });
  await suspend.getByRole('button', { name: 'Suspend the partner' }).click();
  await expect(suspend.getByRole('alert')).toBeVisible();
  await expect(suspend.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
  await expect(suspend.getByLabel('Reason')).toBeFocused();
  expect(await me()).toBe(200);
  await suspend.getByLabel('Reason').fill('Insurance certificate expired');
  await suspend.getByRole('button', { name: 'Suspend the partner' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is suspended' })).toBeVisible();
  await expect(found.getByTestId('partner-status')).toHaveText('Suspended');
  await expect(found).toContainText('Insurance certificate expired');

  // While suspended, the partner's key is refused: by the API and at the console's sign-in.
  expect(await me()).toBe(403);
  const partnerContext = await browser.newContext({ baseURL });
  const partnerPage = await partnerContext.newPage();
  await partnerPage.goto('./');
  await partnerPage.getByLabel('API key', { exact: true }).fill(carrier.token);
  await partnerPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(partnerPage.getByRole('alert')).toContainText('403');
  await expect(partnerPage.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  // The suspended list has it too.
  await page.getByLabel('Status', { exact: true }).selectOption('SUSPENDED');
  await expect(page.getByRole('table', { name: 'Suspended partners, in registration order' }).getByRole('row').filter({ hasText: carrier.partnerId })).toBeVisible();

  // Reinstating asks first too; then the key works again.
  await found.getByRole('button', { name: 'Reinstate…' }).click();
  const reinstate = found.getByRole('group', { name: /^Reinstate / });
  await expect(reinstate).toContainText('work again at once');
  await reinstate.getByRole('button', { name: 'Reinstate the partner' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is reinstated' })).toBeVisible();
  await expect(found.getByTestId('partner-status')).toHaveText('Active');
  expect(await me()).toBe(200);
  await partnerPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(partnerPage.getByRole('heading', { level: 1, name: 'Your lanes' })).toBeVisible();
  await partnerContext.close();

  // The carrier's operating authority: revoked with a reason, then active again.
  await found.getByRole('button', { name: 'Operating authority…' }).click();
  const authority = found.getByRole('form', { name: /^Operating authority of / });
  await authority.getByLabel('Authority status').selectOption('REVOKED');
  await authority.getByLabel('Reason').fill('FMCSA out-of-service order');
  await authority.getByRole('button', { name: 'Set the authority status' }).click();
  await expect(authority.getByTestId('authority-status')).toContainText('Revoked (FMCSA out-of-service order)');
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('operator-partner-actions.png'), fullPage: true });
  await authority.getByLabel('Authority status').selectOption('ACTIVE');
  await authority.getByLabel('Reason').fill('Order lifted');
  await authority.getByRole('button', { name: 'Set the authority status' }).click();
  await expect(authority.getByTestId('authority-status')).toContainText('Active (Order lifted)');

  // Insurance expiring: the carrier's certificate runs for 364 days, so it is listed within 365 and not within 30.
  await nav.getByRole('link', { name: 'Insurance expiring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Insurance expiring' })).toBeVisible();
  const within = page.getByLabel('Expiring within (days)');
  await within.fill('400');
  await page.getByRole('button', { name: 'Show the carriers' }).click();
  await expect(within).toHaveAttribute('aria-invalid', 'true');
  await expect(within).toBeFocused();
  await within.fill('365');
  await page.getByRole('button', { name: 'Show the carriers' }).click();
  let row = page.getByRole('row').filter({ hasText: carrier.partnerId });
  // Other tests' carriers may come first: page through until this one is there.
  for (let pages = 0; pages < 20 && (await row.count()) === 0; pages += 1) {
    const more = page.getByRole('button', { name: 'Show more certificates' });
    if ((await more.count()) === 0) {
      break;
    }
    await more.click();
    row = page.getByRole('row').filter({ hasText: carrier.partnerId });
  }
  await expect(row).toContainText('Prairie Mutual Insurance Co');
  await expect(row).toContainText(/in 36[34] days/);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('operator-expiring-insurance.png'), fullPage: true });
  await row.getByRole('link').click();
  await expect(page.getByRole('table', { name: 'The partner found' })).toContainText(carrier.partnerId);
});

test('the operator runs the optimiser for a region, with progress while it runs, and reads the plan', async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const api = apiOrigin(baseURL);
  const shipper = await registerPartnerWithId(request, baseURL, ['SHIPPER']);
  const carrier = await registerPartnerWithId(request, baseURL, ['CARRIER']);
  // Denver (region 9x): a truck going to Albuquerque and a load to Pueblo on its way, this test's lanes alone.
  const load = await request.post(`${api}/lanes/loads`, {
    headers: { Authorization: `Bearer ${shipper.token}` },
    data: {
      origin: { name: 'Denver', stateOrCountry: 'CO' }, destination: { name: 'Pueblo', stateOrCountry: 'CO' },
      pickupWindow: { opensAt: day(1, 6), closesAt: day(1, 20) }, deliveryWindow: { opensAt: day(1, 8), closesAt: day(3, 20) },
      weightLbs: 20000, pallets: 10, equipment: 'DRY_VAN', commodity: 'Paper goods', budget: { amountMinorUnits: 150000, currency: 'USD' },
    },
  });
  expect(load.status(), await load.text()).toBe(201);
  const truck = await request.post(`${api}/lanes/capacity`, {
    headers: { Authorization: `Bearer ${carrier.token}` },
    data: {
      emptyAt: { name: 'Denver', stateOrCountry: 'CO' }, mustEndAt: { name: 'Albuquerque', stateOrCountry: 'NM' },
      availableFrom: day(1, 5), mustArriveBy: day(4, 18), equipment: 'DRY_VAN', weightCapacityLbs: 44000, palletCapacity: 26,
      maxOriginDeadheadMiles: 150, maxDestinationDeadheadMiles: 400,
    },
  });
  expect(truck.status(), await truck.text()).toBe(201);

  await signInAsOperator(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Optimiser' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Batch optimiser' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Run the optimiser' });

  // A region that is no geohash cell is refused at the field.
  await form.getByLabel('Regions (optional)').fill('9x, zz!');
  await form.getByRole('button', { name: 'Run the optimiser' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await expect(form.getByLabel('Regions (optional)')).toHaveAttribute('aria-invalid', 'true');

  // A slow answer shows the optimiser's progress until the plan is there.
  await page.route('**/operator/matching/optimise', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await route.continue();
  });
  await form.getByLabel('Regions (optional)').fill('9x');
  await form.getByRole('button', { name: 'Run the optimiser' }).click();
  await expect(page.getByTestId('optimiser-progress')).toContainText('The optimiser is running');
  await expect(form.getByRole('button', { name: 'Running…' })).toBeDisabled();
  await expect(page.getByTestId('optimiser-progress')).toContainText(/Done: 1 region optimised, 1 with open lanes/, { timeout: 30_000 });

  const plan = page.getByRole('article', { name: /^Region 9x \(/ });
  await expect(plan.getByRole('heading', { level: 2 })).toHaveText('Region 9x (39.4°N to 45°N, 112.5°W to 101.3°W)');
  await expect(plan.getByTestId('plan-selected')).toHaveText(/^[1-9]\d* pairs? and \d+ packages?$/);
  await expect(plan.getByTestId('plan-total')).toHaveText(/^\$[\d,]+\.\d{2}/);
  await expect(plan.getByTestId('plan-gap')).toContainText('against a proven upper bound of $');
  await expect(plan.getByTestId('plan-gap')).toContainText(/a gap of \d+\.\d%/);
  await expect(plan.getByTestId('plan-pairs-only')).toContainText('the best selection of pairs alone; packages gained');
  await expect(plan.getByRole('heading', { name: 'Recommended pairs (matches)' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('operator-optimiser.png'), fullPage: true });

  // The stored plan counts in this week's plan against the booked (ADR 48), all regions summed.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Network figures' }).click();
  const planRow = page.getByRole('table', { name: 'The optimiser\'s plan against the booked, by week' }).locator(`tr[data-plan-week="${isoWeek(new Date())}"]`);
  await expect(planRow.getByRole('cell').nth(0)).toHaveText(/^[1-9]\d*$/);
  await expect(planRow.getByRole('cell').nth(1)).toHaveText(/^[1-9]\d* \(\d+ pairs?, \d+ packages?\)$/);
  await expect(planRow.getByRole('cell').nth(4)).toHaveText(/\$[\d,]+\.\d{2}/);
});

test('the operator reads the network figures by week as a chart and a table, picks a region, and downloads the CSV', async ({ page, request, baseURL }) => {
  test.setTimeout(150_000);
  await deliveredBooking(request, baseURL);
  const week = isoWeek(new Date());

  await signInAsOperator(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Network figures' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Network figures' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^All regions, / })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Each region\'s figures over the weeks' }).getByRole('row').filter({ hasText: /^9v \(/ })).toBeVisible();

  // Dallas's region: this week's deliveries, the shares before and after as bars and in the table.
  await page.getByLabel('Region', { exact: true }).selectOption('9v');
  await page.getByRole('button', { name: 'Show the figures' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Region 9v \(28\.1°N/ })).toBeVisible();
  const chart = page.locator('figure.bar-chart');
  await expect(chart.locator(`rect.bar[data-group="${week}"]`)).toHaveCount(2);
  await expect(chart.locator(`rect.bar[data-group="${week}"][data-series="Before (runs home empty)"] title`)).toHaveText(new RegExp(`^${week}, Before \\(runs home empty\\): \\d+\\.\\d%$`));
  const weekRow = page.getByRole('table', { name: /^Figures by week/ }).locator(`tr[data-week="${week}"]`);
  await expect(weekRow.getByRole('cell').nth(5)).not.toHaveText('0');
  await expect(weekRow).toContainText('GLEC-NA-2019+DESNZ-2024');
  await expect(page.getByTestId('network-total')).toContainText(/\d+\.\d% before, \d+\.\d% after/);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('operator-network-figures.png'), fullPage: true });

  const from = await page.getByLabel('From week').inputValue();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`network-figures-${from}-to-${week}-9v.csv`);
  const csv = readFileSync((await file.path())!, 'utf8').split(/\r?\n/);
  expect(csv[0]).toBe('region,week,figure,value,unit');
  expect(csv.some((line) => line.startsWith(`9v,${week},deliveries,`))).toBe(true);

  // A range that ends before it starts is refused at the "To week" field.
  await page.getByLabel('From week').fill(week);
  await page.getByLabel('To week').fill(from);
  await page.getByRole('button', { name: 'Show the figures' }).click();
  await expect(page.getByLabel('To week')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.field-error[data-pointer="#/query/to"]')).toContainText('must not be before from');
});
