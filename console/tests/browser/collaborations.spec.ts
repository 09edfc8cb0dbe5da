import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { apiOrigin, registerPartnerWithId, seriousAccessibilityViolations, signIn } from './support';

async function expectAccessible(page: Page) {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

test('a carrier creates a collaboration, the shipper accepts it in its own session, the carrier changes the agreement', async ({ page, browser, request, baseURL }) => {
  test.setTimeout(120_000);
  const carrier = await registerPartnerWithId(request, baseURL, ['CARRIER']);
  const shipper = await registerPartnerWithId(request, baseURL, ['SHIPPER']);

  await signIn(page, carrier.token);
  await page.getByRole('link', { name: 'Collaborations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Collaborations' })).toBeVisible();
  await expect(page.getByText('No collaborations yet')).toBeVisible();
  await page.getByRole('button', { name: 'Create a collaboration' }).click();
  const form = page.getByRole('form', { name: 'Create a collaboration' });

  // What the API refuses is shown at the field it names: an invitee that is no partner id, a pooled share out of range.
  await form.getByLabel('Name').fill('Memphis backhaul pool');
  await form.getByLabel('Partners to invite').fill('not-a-partner');
  await form.getByLabel('Pooled share, basis points').fill('12000');
  await form.getByRole('button', { name: 'Create and invite' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await expect(form.locator('.field-error[data-pointer="/invitees"]')).toBeVisible();
  await expect(form.getByLabel('Partners to invite')).toBeFocused();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('collaboration-create-refused.png'), fullPage: true });

  await form.getByLabel('Partners to invite').fill(shipper.partnerId);
  await form.getByLabel('Pooled share, basis points').fill('5000');
  await form.getByLabel('Allocation rule').selectOption('SHAPLEY');
  await form.getByLabel('Cap per member and period (in the currency)').fill('750');
  await form.getByLabel('Period', { exact: true }).selectOption('WEEKLY');
  // Started today, period 0 is running: a change of agreement then governs from period 1, beside version 1.
  await expect(form.getByLabel('Start date (UTC)')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await form.getByLabel('Start date (UTC)').fill(new Date().toISOString().slice(0, 10));
  await form.getByRole('button', { name: 'Create and invite' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Memphis backhaul pool' })).toBeVisible();
  const members = page.getByRole('table').first();
  await expect(members.getByRole('row').filter({ hasText: shipper.partnerId })).toContainText('Invited');
  await expect(page.getByRole('row').filter({ hasText: 'Shapley value' })).toContainText('$750.00');
  const collaborationUrl = page.url();

  // The shipper, in its own session, finds the invitation in its list and accepts it with the keyboard.
  const shipperContext = await browser.newContext({ baseURL });
  const shipperPage = await shipperContext.newPage();
  await signIn(shipperPage, shipper.token);
  await shipperPage.getByRole('link', { name: 'Collaborations' }).click();
  const row = shipperPage.getByRole('row').filter({ hasText: 'Memphis backhaul pool' });
  await expect(row).toContainText('Invited');
  await expectAccessible(shipperPage);
  await shipperPage.screenshot({ path: test.info().outputPath('collaborations.png'), fullPage: true });
  await row.getByRole('link').click();
  await expect(shipperPage.getByTestId('your-status')).toHaveText('Invited');
  const accept = shipperPage.getByRole('button', { name: 'Accept the invitation' });
  await accept.focus();
  await shipperPage.keyboard.press('Enter');
  await expect(shipperPage.getByRole('status').filter({ hasText: 'Invitation accepted.' })).toBeVisible();
  await expect(shipperPage.getByTestId('your-status')).toHaveText('Member');
  // Accepting twice is refused by the API, and its problem is shown: a stale page's second click.
  await expect(shipperPage.getByRole('button', { name: 'Accept the invitation' })).toHaveCount(0);
  const stale = await request.post(`${apiOrigin(baseURL)}/collaborations/${collaborationUrl.split('/').pop()}/invitations/accept`, {
    headers: { Authorization: `Bearer ${shipper.token}` },
  });
  expect(stale.status()).toBe(409);

  // The organiser proposes a change of agreement; a schedule change is refused at its field, then the rule changes.
  await page.reload();
  await expect(page.getByRole('table').first().getByRole('row').filter({ hasText: shipper.partnerId })).toContainText('Member');
  await page.getByRole('button', { name: 'Propose a change of agreement' }).click();
  const change = page.getByRole('form', { name: 'Change the agreement' });
  await change.getByLabel('Period', { exact: true }).selectOption('MONTHLY');
  await change.getByRole('button', { name: 'Change the agreement' }).click();
  await expect(change.getByRole('alert')).toBeVisible();
  await expect(change.getByRole('alert')).not.toBeEmpty();
  await change.getByLabel('Period', { exact: true }).selectOption('WEEKLY');
  await change.getByLabel('Allocation rule').selectOption('EQUAL_SPLIT');
  await change.getByLabel('Risk terms').selectOption('SHARED_FROM_FIRST_CENT');
  await change.getByRole('button', { name: 'Change the agreement' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The new agreement governs' })).toBeVisible();
  const versions = page.getByRole('table', { name: /Every version of the agreement/ });
  await expect(versions.getByRole('row')).toHaveCount(3);
  await expect(versions.getByRole('row').filter({ hasText: 'Equal split' })).toContainText('shared equally from the first cent');
  await expect(versions.getByRole('row').filter({ hasText: 'Equal split' }).getByRole('cell').nth(1)).toHaveText('1');
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('collaboration.png'), fullPage: true });

  // The preview opens with the collaboration's members as its players, and no numbers yet.
  await page.getByRole('link', { name: 'Preview the rules for these members' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Allocation preview' })).toBeVisible();
  await expect(page.getByLabel('Members')).toHaveValue(new RegExp(`${carrier.partnerId}`));
  await expect(page.getByLabel('Members')).toHaveValue(new RegExp(`${shipper.partnerId}`));
  await expect(page.getByLabel(`${carrier.partnerId} + ${shipper.partnerId}`)).toHaveValue('');

  // An unknown collaboration shows its problem, not a blank page.
  await page.goto('./#/collaborations/01JDCOLB000000000000000001');
  await expect(page.getByRole('alert')).toContainText(/not found/i);
  await shipperContext.close();
});

test('the allocation preview shows each member\'s share under each rule as a chart and a table, and the blocking coalitions in words', async ({ page, request, baseURL }) => {
  const carrier = await registerPartnerWithId(request, baseURL, ['CARRIER']);
  await signIn(page, carrier.token);
  await page.getByRole('link', { name: 'Allocation preview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Allocation preview' })).toBeVisible();

  // A number that is not one is refused at its coalition's field.
  const game = page.getByRole('form', { name: 'The game to preview' });
  await game.getByLabel('Carrier A + Shipper B', { exact: true }).fill('lots');
  await game.getByRole('button', { name: 'Preview the rules' }).click();
  await expect(game.getByRole('alert')).toBeVisible();
  await expect(game.getByLabel('Carrier A + Shipper B', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(game.getByLabel('Carrier A + Shipper B', { exact: true })).toBeFocused();

  await game.getByLabel('Carrier A + Shipper B', { exact: true }).fill('900');
  await game.getByRole('button', { name: 'Preview the rules' }).click();
  const chart = page.locator('figure.bar-chart');
  await expect(chart.locator('svg[role="img"]')).toBeVisible();
  // 3 members × 4 rules, a bar each (a zero share is a hairline bar).
  await expect(chart.locator('rect.bar')).toHaveCount(12);
  await expect(chart.getByRole('list', { name: 'Legend' })).toContainText('Shapley value');
  await expect(chart.getByRole('list', { name: 'Legend' })).toContainText('Equal split');
  // The figures as a table: the Shapley value of the example (683.33, 333.33, 183.33) and the equal split (400 each).
  const table = chart.getByRole('table');
  await expect(table.getByRole('row').filter({ hasText: 'Carrier A' })).toContainText('USD 683.33');
  await expect(table.getByRole('row').filter({ hasText: 'Shipper B' })).toContainText('USD 333.33');
  await expect(table.getByRole('row').filter({ hasText: 'Shipper C' })).toContainText('USD 183.33');
  await expect(table.getByRole('row').filter({ hasText: 'Shipper C' })).toContainText('USD 400');
  await expect(chart.locator('rect.bar[data-group="Carrier A"][data-series="Shapley value"] title')).toHaveText('Carrier A, Shapley value: USD 683.33');

  // The equal split is blocked by Carrier A and Shipper B, in words; the Shapley value is stable.
  const equalSplit = page.getByRole('article', { name: 'Equal split' });
  await expect(equalSplit).toContainText('Not stable: 1 group of members would do better on its own.');
  await expect(equalSplit.getByRole('listitem')).toHaveText(
    'Carrier A and Shipper B would gain USD 100 more on their own than this rule gives them (USD 900 on their own, against USD 800 under this rule).',
  );
  await expect(page.getByRole('article', { name: 'Shapley value' })).toContainText('Stable: the split is in the core.');
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('allocation-preview.png'), fullPage: true });
});

// The statement journey needs a settled period: the local stack's settlement clock moves the settlement functions'
// time (operator only, ADR 31), as the collaborations guide does. ConsoleBrowserTest passes the operator key.
test('a member reads its period statement as a table and a chart, and downloads the API\'s CSV', async ({ page, request, baseURL }) => {
  const operatorKey = process.env.BHX_OPERATOR_KEY;
  test.skip(!operatorKey, 'BHX_OPERATOR_KEY names the local stack\'s operator key (ConsoleBrowserTest sets it)');
  test.setTimeout(120_000);
  const api = apiOrigin(baseURL);
  const operator = { Authorization: `Bearer ${operatorKey}` };
  const clock = async (offsetSeconds: number) => {
    const response = await request.put(`${api}/_local/settlement-clock`, { headers: operator, data: { offsetSeconds } });
    expect(response.ok(), await response.text()).toBeTruthy();
  };
  const carrier = await registerPartnerWithId(request, baseURL, ['CARRIER']);
  const shipper = await registerPartnerWithId(request, baseURL, ['SHIPPER']);
  const day = 86_400;
  const startDate = new Date(Date.now() - 20 * day * 1000).toISOString().slice(0, 10);
  let collaborationId = '';
  try {
    // Formed "three weeks ago", so that both are members of period 0; then closed "twelve days from now".
    await clock(-21 * day);
    const created = await request.post(`${api}/collaborations`, {
      headers: { Authorization: `Bearer ${carrier.token}` },
      data: {
        name: 'Statement pool',
        invitees: [shipper.partnerId],
        agreement: { rule: 'EQUAL_SPLIT', pooledShareBasisPoints: 10000, riskTerms: { kind: 'SHARED_FROM_FIRST_CENT' }, periodKind: 'MONTHLY', currency: 'USD', startDate },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    collaborationId = (await created.json()).collaborationId;
    const accepted = await request.post(`${api}/collaborations/${collaborationId}/invitations/accept`, { headers: { Authorization: `Bearer ${shipper.token}` } });
    expect(accepted.status(), await accepted.text()).toBe(200);
    await clock(12 * day);
    await expect
      .poll(
        async () => (await (await request.post(`${api}/operator/collaborations/${collaborationId}/periods/0/close`, { headers: operator })).json()).status,
        { timeout: 60_000 },
      )
      .toBe('SETTLED');
  } finally {
    await clock(0);
  }

  await signIn(page, carrier.token);
  await page.goto(`./#/collaborations/${collaborationId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Statement pool' })).toBeVisible();
  await page.getByRole('link', { name: 'Period 0', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statement, period 0 of Statement pool' })).toBeVisible();
  const ledger = page.getByRole('table', { name: 'Your statement\'s lines' });
  await expect(ledger.getByRole('row').filter({ hasText: 'Final result' })).toContainText('$0.00');
  await expect(ledger.getByRole('row', { name: /^Fair share/ })).toContainText('$0.00');
  const chart = page.locator('figure.bar-chart');
  await expect(chart.locator('rect.bar')).toHaveCount(2);
  await expect(chart.getByRole('table').getByRole('row').filter({ hasText: `You (${carrier.partnerId})` })).toContainText('$0.00');
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('statement.png'), fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`statement-pool-period-0-${carrier.partnerId}-statement.csv`);
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.split(/\r?\n/)[0]).toBe('section,reference,period,role,item,value');

  // A period not settled yet has no statement: the API's problem is shown.
  await page.goto(`./#/collaborations/${collaborationId}/periods/1`);
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('alert').locator('.problem-title')).not.toBeEmpty();
});
