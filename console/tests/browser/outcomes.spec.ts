import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { deliveredBooking } from './journeys';
import { apiOrigin, registerPartner, registerPartnerWithId, seriousAccessibilityViolations, signIn } from './support';

async function expectAccessible(page: Page) {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

const today = () => new Date().toISOString().slice(0, 10);

test('a carrier with a delivered booking reads its outcomes, charts them, reads them by counterparty and by lane pair and downloads the CSV', async ({ page, request, baseURL }) => {
  test.setTimeout(150_000);
  const { carrier, shipper } = await deliveredBooking(request, baseURL);

  await signIn(page, carrier.token);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outcomes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your outcomes' })).toBeVisible();
  const asCarrier = page.getByRole('region', { name: /^As carrier, / });
  const totals = asCarrier.getByTestId('outcome-totals');
  await expect(totals).toContainText('1 (1 load moved)');
  await expect(totals).toContainText('631.2');
  await expect(asCarrier.getByTestId('empty-miles-avoided')).toHaveText(/^[1-9][\d,]*(\.\d)?$/);
  await expect(asCarrier.getByTestId('deadhead-share')).toHaveText(/^\d+\.\d% before, \d+\.\d% after$/);
  await expect(asCarrier.getByTestId('outcome-money')).toHaveText(/^\$[\d,]+\.\d{2} earned$/);
  await expect(asCarrier.getByTestId('outcome-co2e')).toContainText('kg well-to-wheel');
  await expect(asCarrier.getByTestId('outcome-co2e')).toContainText('factor set GLEC-NA-2019+DESNZ-2024, version bhx-default-1');

  // The series: a bar per day of the last 30, today's with the empty miles avoided, then with the bookings.
  const chart = asCarrier.locator('figure.bar-chart');
  await expect(chart.locator('rect.bar')).toHaveCount(30);
  await expect(chart.locator(`rect.bar[data-group="${today()}"] title`)).toHaveText(new RegExp(`^${today()}, Empty miles avoided: [\\d,.]+ miles$`));
  await asCarrier.getByLabel('Chart', { exact: true }).selectOption('bookings');
  await expect(chart.locator(`rect.bar[data-group="${today()}"] title`)).toHaveText(`${today()}, Bookings: 1 booking`);
  await expect(chart.getByRole('table').getByRole('row').filter({ hasText: today() })).toContainText('1 booking');

  // By counterparty: the shipper, one booking.
  const counterparty = asCarrier.locator(`tr[data-counterparty="${shipper.partnerId}"]`);
  await expect(counterparty.getByRole('cell').first()).toHaveText('1');
  await expect(counterparty).toContainText('earned');

  // By lane pair: the load went from Dallas, TX to St. Louis, MO.
  const lanePair = asCarrier.locator('tr[data-lane-pair="US-TX-US-MO"]');
  await expect(lanePair.getByRole('rowheader')).toHaveText('US-TX → US-MO');
  await expect(lanePair.getByRole('cell').first()).toHaveText('1');
  await expect(lanePair.getByRole('cell').nth(1)).toHaveText('631.2');
  await expect(lanePair).toContainText('earned');
  await expect(asCarrier.locator('tr[data-lane-pair="not-recorded"]')).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('outcomes.png'), fullPage: true });

  // The API's CSV, under a name that says whose and which days.
  const from = await page.getByLabel('From (UTC day)').inputValue();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`outcomes-${carrier.partnerId}-${from}-to-${today()}-by-day.csv`);
  const csv = readFileSync((await file.path())!, 'utf8').split(/\r?\n/);
  expect(csv[0]).toBe('role,section,period,counterparty,figure,value,unit,laneOrigin,laneDestination');
  expect(csv.some((line) => line.startsWith('CARRIER,') && line.includes(shipper.partnerId))).toBe(true);
  expect(csv).toContain(`CARRIER,LANE_PAIR,${from}/${today()},,bookings,1,count,US-TX,US-MO`);

  // By month: one period (or two, when the 30 days cross a month's end).
  await page.getByLabel('By', { exact: true }).selectOption('MONTH');
  await page.getByRole('button', { name: 'Show the figures' }).click();
  await expect(chart.locator(`rect.bar[data-group="${today().slice(0, 7)}"]`)).toHaveCount(1);

  // A range that ends before it starts is refused at the "To" field.
  await page.getByLabel('To (UTC day, included)').fill('2020-01-01');
  await page.getByRole('button', { name: 'Show the figures' }).click();
  await expect(page.getByLabel('To (UTC day, included)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('To (UTC day, included)')).toBeFocused();
});

test('a broker reads the outcomes of a carrier that delegated to it, and not those of one that did not', async ({ page, request, baseURL }) => {
  test.setTimeout(150_000);
  const api = apiOrigin(baseURL);
  const { carrier, shipper } = await deliveredBooking(request, baseURL);
  const broker = await registerPartnerWithId(request, baseURL, ['BROKER']);
  const granted = await request.put(`${api}/partners/me/delegations/${broker.partnerId}`, { headers: { Authorization: `Bearer ${carrier.token}` } });
  expect(granted.status(), await granted.text()).toBe(200);

  await signIn(page, broker.token);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outcomes' }).click();
  await expect(page.getByText(/^No delivered booking from /)).toBeVisible();
  const whose = page.getByLabel('Whose figures');
  await expect(whose.locator('option')).toHaveCount(2);
  await whose.selectOption(carrier.partnerId);
  await page.getByRole('button', { name: 'Show the figures' }).click();
  await expect(page.getByTestId('outcomes-of')).toContainText(carrier.partnerId);
  await expect(page.getByRole('region', { name: /^As carrier, / }).getByTestId('outcome-totals')).toContainText('1 (1 load moved)');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(new RegExp(`^outcomes-${carrier.partnerId}-`));

  // The shipper gave no delegation: its figures are as unknown to the broker as a partner that does not exist.
  const refused = await request.get(`${api}/partners/me/outcomes?from=${today()}&to=${today()}&partnerId=${shipper.partnerId}`, {
    headers: { Authorization: `Bearer ${broker.token}` },
  });
  expect(refused.status()).toBe(404);
});

test('a collaboration\'s page shows its figures per member', async ({ page, request, baseURL }) => {
  test.setTimeout(150_000);
  const api = apiOrigin(baseURL);
  const { carrier, shipper } = await deliveredBooking(request, baseURL);
  const created = await request.post(`${api}/collaborations`, {
    headers: { Authorization: `Bearer ${carrier.token}` },
    data: {
      name: 'Dallas outcomes pool',
      invitees: [shipper.partnerId],
      agreement: { rule: 'EQUAL_SPLIT', pooledShareBasisPoints: 5000, riskTerms: { kind: 'SHARED_FROM_FIRST_CENT' }, periodKind: 'WEEKLY', currency: 'USD', startDate: today() },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const collaborationId = (await created.json()).collaborationId as string;
  const accepted = await request.post(`${api}/collaborations/${collaborationId}/invitations/accept`, { headers: { Authorization: `Bearer ${shipper.token}` } });
  expect(accepted.status(), await accepted.text()).toBe(200);

  await signIn(page, carrier.token);
  await page.goto(`./#/collaborations/${collaborationId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Dallas outcomes pool' })).toBeVisible();
  const members = page.getByRole('table', { name: 'Per member (bookings with other members)' });
  const you = members.locator(`tr[data-member="${carrier.partnerId}"]`);
  const them = members.locator(`tr[data-member="${shipper.partnerId}"]`);
  await expect(you.getByRole('rowheader')).toHaveText(`You (${carrier.partnerId})`);
  // Cells: bookings as carrier, empty miles avoided, bookings as shipper, surplus, CO₂e as carrier, as shipper.
  await expect(you.getByRole('cell').nth(0)).toHaveText('1');
  await expect(you.getByRole('cell').nth(2)).toHaveText('0');
  await expect(them.getByRole('cell').nth(0)).toHaveText('0');
  await expect(them.getByRole('cell').nth(2)).toHaveText('1');
  await expect(them.getByRole('cell').nth(3)).toHaveText(/^\$[\d,]+\.\d{2}$/);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('collaboration-figures.png'), fullPage: true });
});

test('a carrier asks for a reload outlook: a place picked from the search, the withheld answer explained in words', async ({ page, request, baseURL }) => {
  const carrierKey = await registerPartner(request, baseURL, ['CARRIER']);
  await signIn(page, carrierKey);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reload outlook' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reload outlook' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Ask for a reload outlook' });

  // A window longer than 14 days is refused at its field.
  const near = form.getByRole('combobox', { name: 'Where the truck will be empty' });
  await near.pressSequentially('Dall');
  await expect(form.getByRole('option', { name: /^Dallas, TX/ })).toBeVisible();
  await near.press('ArrowDown');
  await near.press('Enter');
  await expect(near).toHaveValue('Dallas, TX');
  const until = form.getByLabel('Until (UTC day, included)');
  await until.fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
  await form.getByRole('button', { name: 'Ask' }).click();
  await expect(until).toHaveAttribute('aria-invalid', 'true');
  await expect(form.locator('.field-error[data-pointer="#/query/to"]')).toContainText('14 days');

  // On the test stack, fewer than k partners posted around Dallas in the last 8 complete weeks: withheld, in words.
  await until.fill(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
  await form.getByLabel('Empty miles you would drive to a pickup').fill('100');
  await form.getByRole('button', { name: 'Ask' }).click();
  const answer = page.getByRole('region', { name: 'Withheld: too few partners there' });
  await expect(answer).toContainText('Withheld: fewer than 5 partners posted or booked lanes within 100 miles of Dallas');
  await expect(answer).toContainText('not even the sample size');
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('reload-outlook.png'), fullPage: true });

  // A shipper has no reload outlook in its navigation.
  const shipperKey = await registerPartner(request, baseURL, ['SHIPPER']);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, shipperKey);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reload outlook' })).toHaveCount(0);
});
