import { expect, test, type Page } from '@playwright/test';
import { apiOrigin, registerPartnerWithId, seriousAccessibilityViolations, signIn } from './support';

async function expectAccessible(page: Page) {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

test('a partner edits its profile, rotates its key (the new key shown once) and revokes the old one', async ({ page, context, request, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const carrier = await registerPartnerWithId(request, baseURL, ['CARRIER']);
  await signIn(page, carrier.token);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Profile' })).toBeVisible();
  await expect(page.getByTestId('partner-id')).toHaveText(carrier.partnerId);

  // A phone number the API refuses is shown at the phone field, then a good one is saved.
  const profile = page.getByRole('form', { name: 'Profile' });
  await profile.getByLabel('Phone (optional)').fill('555-0100');
  await profile.getByRole('button', { name: 'Save the profile' }).click();
  await expect(profile.locator('.field-error[data-pointer="/contact/phone"]')).toBeVisible();
  await expect(profile.getByLabel('Phone (optional)')).toBeFocused();
  await profile.getByLabel('Phone (optional)').fill('+13125550100');
  await profile.getByLabel('MC number (optional)').fill('MC-765432');
  await profile.getByRole('button', { name: 'Save the profile' }).click();
  await expect(profile.getByRole('status')).toHaveText('Profile saved.');
  const saved = await request.get(`${apiOrigin(baseURL)}/partners/me`, { headers: { Authorization: `Bearer ${carrier.token}` } });
  expect(await saved.json()).toMatchObject({ contact: { phone: '+13125550100' }, mcNumber: 'MC-765432' });

  // The fleet's own fuel economy: a fully laden figure above the empty one is refused at its field, then saved.
  await profile.getByLabel("Your fleet's fuel economy").selectOption('BY_LOAD');
  await profile.getByLabel('Empty mpg').fill('6.0');
  await profile.getByLabel('Fully laden mpg').fill('7.5');
  await profile.getByRole('button', { name: 'Save the profile' }).click();
  await expect(profile.locator('.field-error[data-pointer="/fleetFuelEconomy/fullyLadenMpg"]')).toBeVisible();
  await expect(profile.getByLabel('Fully laden mpg')).toBeFocused();
  await profile.getByLabel('Empty mpg').fill('8.4');
  await profile.getByLabel('Fully laden mpg').fill('5.9');
  await profile.getByRole('button', { name: 'Save the profile' }).click();
  await expect(profile.getByRole('status')).toHaveText('Profile saved.');
  const withEconomy = await request.get(`${apiOrigin(baseURL)}/partners/me`, { headers: { Authorization: `Bearer ${carrier.token}` } });
  expect((await withEconomy.json()).fleetFuelEconomy).toEqual({ fuel: 'DIESEL', emptyMpg: 8.4, fullyLadenMpg: 5.9 });
  await expect(profile.getByLabel('Empty mpg')).toHaveValue('8.4');
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('settings-profile.png'), fullPage: true });

  // Rotate the key this tab signs in with: the new key is shown once, with the old key's end of life.
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'API keys' }).click();
  const oldKeyRow = page.getByRole('row').filter({ hasText: 'Active' });
  await expect(oldKeyRow).toHaveCount(1);
  const oldKeyId = await oldKeyRow.getAttribute('data-key-id');
  await oldKeyRow.getByRole('button', { name: 'Rotate' }).click();
  const rotate = page.getByRole('form', { name: `Rotate ${oldKeyId}` });
  await rotate.getByLabel('Old key keeps working for (minutes)').fill('-5');
  await rotate.getByRole('button', { name: 'Rotate the key' }).click();
  await expect(rotate.locator('.field-error[data-pointer="/gracePeriodSeconds"]')).toBeVisible();
  await rotate.getByLabel('Old key keeps working for (minutes)').fill('5');
  await rotate.getByRole('button', { name: 'Rotate the key' }).click();
  const shown = page.getByRole('region', { name: /Your new API key/ });
  await expect(shown).toContainText('it is shown only this once');
  await expect(shown).toContainText(`The old key ${oldKeyId} keeps working until`);
  const newKey = await shown.getByLabel('New API key').inputValue();
  expect(newKey).not.toBe(carrier.token);
  await shown.getByRole('button', { name: 'Copy key' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(newKey);
  await shown.getByRole('button', { name: 'Use the new key in this tab' }).click();
  await expect(page.getByRole('row').filter({ hasText: oldKeyId! })).toContainText('Expiring');
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('settings-api-keys.png'), fullPage: true });

  // Shown once: after a reload the token is nowhere on the page, and the tab signs in with the new key.
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: oldKeyId! })).toContainText('Expiring');
  expect(await page.content()).not.toContain(newKey);

  // Revoking asks first; kept, nothing changes; confirmed, the old key stops at once.
  const oldRow = page.getByRole('row').filter({ hasText: oldKeyId! });
  await oldRow.getByRole('button', { name: 'Revoke now…' }).click();
  await oldRow.getByRole('button', { name: 'Keep it' }).click();
  await expect(oldRow).toContainText('Expiring');
  await oldRow.getByRole('button', { name: 'Revoke now…' }).click();
  await expect(oldRow.getByRole('group', { name: `Confirm revoking ${oldKeyId}` })).toContainText('cannot be undone');
  await oldRow.getByRole('button', { name: 'Revoke the key' }).click();
  await expect(oldRow).toContainText('Revoked');
  const revoked = await request.get(`${apiOrigin(baseURL)}/partners/me`, { headers: { Authorization: `Bearer ${carrier.token}` } });
  expect(revoked.status()).toBe(401);
  const current = await request.get(`${apiOrigin(baseURL)}/partners/me`, { headers: { Authorization: `Bearer ${newKey}` } });
  expect(current.status()).toBe(200);
});

test('a partner adds a webhook for some notifications, sends it a test and deletes it', async ({ page, request, baseURL }) => {
  const shipper = await registerPartnerWithId(request, baseURL, ['SHIPPER']);
  await signIn(page, shipper.token);
  await page.goto('./#/settings/webhooks');
  await expect(page.getByRole('heading', { level: 2, name: 'Webhooks' })).toBeVisible();
  await expect(page.getByText('No webhooks yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Add a webhook' }).click();
  const add = page.getByRole('form', { name: 'Add a webhook' });
  await expect(add.getByLabel('Signing secret')).toHaveValue(/^[\x21-\x7E]{32,}$/);

  // An address the API refuses is shown at its field.
  await add.getByLabel('Address (https)').fill('ftp://tms.example.com/hook');
  await add.getByRole('button', { name: 'Add the webhook' }).click();
  await expect(add.locator('.field-error[data-pointer="/url"]')).toBeVisible();
  await expect(add.getByLabel('Address (https)')).toBeFocused();
  await expectAccessible(page);

  // The local stack takes plain http to a loopback host.
  await add.getByLabel('Address (https)').fill('http://127.0.0.1:9/bhx-hook');
  await add.getByLabel('Offer received', { exact: true }).check();
  await add.getByLabel('Booking confirmed', { exact: true }).check();
  await add.getByRole('button', { name: 'Add the webhook' }).click();
  const row = page.getByRole('row').filter({ hasText: 'http://127.0.0.1:9/bhx-hook' });
  await expect(row).toContainText('Offer received, Booking confirmed');
  await row.getByRole('button', { name: 'Send a test' }).click();
  await expect(page.getByTestId('webhook-status')).toContainText('Test queued');
  await expect(page.getByTestId('webhook-status')).toContainText('WEBHOOK_TEST');
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('settings-webhooks.png'), fullPage: true });

  await row.getByRole('button', { name: 'Delete…' }).click();
  await row.getByRole('button', { name: 'Delete the webhook' }).click();
  await expect(page.getByText('No webhooks yet.')).toBeVisible();
});

test('a partner reads the deliveries of its webhook: a test sent to a receiver that answers is listed as delivered', async ({ page, request, baseURL }) => {
  const carrier = await registerPartnerWithId(request, baseURL, ['CARRIER']);
  await signIn(page, carrier.token);
  await page.goto('./#/settings/webhooks');
  await page.getByRole('button', { name: 'Add a webhook' }).click();
  const add = page.getByRole('form', { name: 'Add a webhook' });
  // The local stack's own receiver answers 204 to every delivery.
  const receiver = `${apiOrigin(baseURL)}/_local/webhook-receiver/console-deliveries-${carrier.partnerId}`;
  await add.getByLabel('Address (https)').fill(receiver);
  await add.getByRole('button', { name: 'Add the webhook' }).click();
  const deliveries = page.getByRole('region', { name: `Deliveries to ${receiver}` });
  await expect(deliveries).toContainText('No delivery attempts in the last 30 days.');

  await page.getByRole('row').filter({ hasText: receiver }).getByRole('button', { name: 'Send a test' }).click();
  await expect(page.getByTestId('webhook-status')).toContainText('Test queued');
  const attempt = deliveries.getByRole('row').filter({ hasText: 'Test ping' });
  await expect(async () => {
    await deliveries.getByRole('button', { name: 'Refresh deliveries' }).click();
    await expect(attempt).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(attempt).toContainText('Delivered');
  await expect(attempt).toContainText('HTTP 204');
  const listed = await request.get(`${apiOrigin(baseURL)}/partners/me/webhooks`, { headers: { Authorization: `Bearer ${carrier.token}` } });
  const webhookId = (await listed.json()).items[0].webhookId as string;
  const api = await request.get(`${apiOrigin(baseURL)}/partners/me/webhooks/${webhookId}/deliveries`, { headers: { Authorization: `Bearer ${carrier.token}` } });
  const eventId = (await api.json()).items[0].eventId as string;
  await expect(attempt).toContainText(eventId);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('settings-webhook-deliveries.png'), fullPage: true });
});

test('a shipper delegates negotiation to a broker, who then acts for it; the shipper revokes it', async ({ page, browser, request, baseURL }) => {
  const shipper = await registerPartnerWithId(request, baseURL, ['SHIPPER']);
  const broker = await registerPartnerWithId(request, baseURL, ['BROKER']);
  await signIn(page, shipper.token);
  await page.goto('./#/settings/delegations');
  const grant = page.getByRole('form', { name: 'Delegate to a broker' });

  // A partner id that names no broker (here, the shipper itself) is refused with the API's problem.
  await grant.getByLabel("Broker's partner id").fill(shipper.partnerId);
  await grant.getByRole('button', { name: 'Delegate negotiation' }).click();
  await expect(grant.getByRole('alert')).toBeVisible();
  await expect(grant.getByRole('alert').locator('.problem-title')).not.toBeEmpty();

  await grant.getByLabel("Broker's partner id").fill(broker.partnerId);
  await grant.getByRole('button', { name: 'Delegate negotiation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Broker ${broker.partnerId} may now negotiate for you.` })).toBeVisible();
  const given = page.getByRole('row').filter({ hasText: broker.partnerId });
  await expect(given).toContainText('In force');
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('settings-delegations.png'), fullPage: true });

  // The broker sees the delegation it holds, and acts for the shipper in the negotiation inbox.
  const brokerContext = await browser.newContext({ baseURL });
  const brokerPage = await brokerContext.newPage();
  await signIn(brokerPage, broker.token);
  await brokerPage.goto('./#/settings/delegations');
  await expect(brokerPage.getByRole('row').filter({ hasText: shipper.partnerId })).toContainText('In force');
  await brokerPage.getByRole('link', { name: 'Negotiations' }).first().click();
  await expect(brokerPage.getByLabel('Acting for')).toHaveValue(shipper.partnerId);
  await expect(brokerPage.getByRole('alert')).toHaveCount(0);
  await brokerContext.close();

  // Revoked, it is in force no more.
  await given.getByRole('button', { name: 'Revoke' }).click();
  await expect(given).toContainText('Revoked');
});
