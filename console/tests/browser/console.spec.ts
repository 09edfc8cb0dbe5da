import { expect, test } from '@playwright/test';
import { apiOrigin, registerPartner, seriousAccessibilityViolations, signIn } from './support';

// Over the real local stack: every call the console makes goes to the API it is served with. Screenshots of
// the main pages are written to the test output directory.

test('the accessibility check finds a serious violation when there is one', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => {
    const unlabelled = document.createElement('input');
    unlabelled.type = 'text';
    document.getElementById('main')!.append(unlabelled);
  });
  expect((await seriousAccessibilityViolations(page)).join('\n')).toContain('label');
});

test('a new company registers, sees its key once with a copy button and a warning, and is signed in', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  await page.getByRole('link', { name: 'Register your company' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Register your company' })).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await page.getByLabel('Legal name').fill('Lakeshore Freight LLC');
  await page.getByLabel(/Carrier/).check();
  await page.getByLabel('Name', { exact: true }).fill('Dana Dispatcher');
  await page.getByLabel('Email').fill('dana@lakeshore.example');
  await page.getByLabel('Latitude').fill('41.8781');
  await page.getByLabel('Longitude').fill('-87.6298');
  await page.getByLabel('Operating cost per mile, USD').fill('2.10');
  await page.getByRole('group', { name: 'Equipment in your fleet' }).getByLabel('Dry van').check();
  await page.getByRole('button', { name: 'Register' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Lakeshore Freight LLC is registered' })).toBeVisible();
  await expect(page.getByText('it is shown only this once')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('key-shown-once.png') });
  const key = await page.getByLabel('API key', { exact: true }).inputValue();
  expect(key).toMatch(/^bhx_/);
  await page.getByRole('button', { name: 'Copy key' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied to the clipboard.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await page.getByRole('button', { name: /continue/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your lanes' })).toBeVisible();
  await expect(page.getByText('Lakeshore Freight LLC (carrier)')).toBeVisible();
});

test("a registration the API refuses shows the problem, and each pointer's message at its field", async ({ page }) => {
  await page.goto('./#/register');
  await page.getByLabel('Legal name').fill('X');
  await page.getByLabel('Email').fill('not an email');
  await page.getByRole('button', { name: 'Register' }).click();

  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.locator('.field-error[data-pointer="/contact/email"]')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.field-error[data-pointer="/roles"]')).toBeVisible();
});

test("sign-in works with the keyboard alone, and a wrong key shows the API's problem", async ({ page, request, baseURL }) => {
  const key = await registerPartner(request, baseURL, ['SHIPPER']);
  await page.goto('./');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await page.keyboard.press('Tab'); // the skip link
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('API key', { exact: true })).toBeFocused();
  await page.keyboard.type('bhx_not-a-real-key');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('alert')).not.toBeEmpty();
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);

  await page.getByLabel('API key', { exact: true }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(key);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Your lanes' })).toBeVisible();
});

test('a carrier posts a truck: a bad field is shown at the field, a good one is in the list and on the map, its match is explained', async ({ page, request, baseURL }) => {
  // A shipper's load from Memphis to Little Rock lies on the way of a truck going empty from Memphis to Dallas.
  const shipperKey = await registerPartner(request, baseURL, ['SHIPPER']);
  const day = (days: number, hour: number) => {
    const date = new Date(Date.now() + days * 86_400_000);
    return `${date.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00-06:00[America/Chicago]`;
  };
  const load = await request.post(`${apiOrigin(baseURL)}/lanes/loads`, {
    headers: { Authorization: `Bearer ${shipperKey}` },
    data: {
      origin: { name: 'Memphis', stateOrCountry: 'TN' },
      destination: { name: 'Little Rock', stateOrCountry: 'AR' },
      pickupWindow: { opensAt: day(1, 6), closesAt: day(1, 20) },
      deliveryWindow: { opensAt: day(1, 8), closesAt: day(3, 20) },
      weightLbs: 20000, pallets: 10, equipment: 'DRY_VAN', commodity: 'Paper goods',
    },
  });
  expect(load.status(), await load.text()).toBe(201);

  await signIn(page, await registerPartner(request, baseURL, ['CARRIER']));
  await expect(page.getByText('You have no lanes yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Post a truck' }).click();
  const form = page.getByRole('form', { name: 'Post a truck' });
  // The empty point is picked from the place search with the keyboard; the end point is typed as it is.
  const emptyAt = form.getByRole('group', { name: 'Empty at' });
  await emptyAt.getByRole('combobox', { name: 'City' }).pressSequentially('Memph');
  await expect(emptyAt.getByRole('option', { name: /^Memphis, TN/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(emptyAt.getByRole('combobox', { name: 'City' })).toHaveValue('Memphis');
  await expect(emptyAt.getByLabel(/US state/)).toHaveValue('TN');
  await expect(emptyAt.getByLabel(/Time zone/)).toHaveValue('America/Chicago');
  await form.getByRole('group', { name: /Must end at/ }).getByLabel('City').fill('Dallas');
  await form.getByRole('group', { name: /Must end at/ }).getByLabel(/US state/).fill('TX');
  await form.getByRole('group', { name: /Must end at/ }).getByLabel(/Time zone/).selectOption('America/Chicago');
  // Little Rock is some 320 road miles short of Dallas: the truck accepts that much empty driving at the end.
  await form.getByLabel('Most empty miles from a delivery to the end').fill('400');
  await form.getByLabel('Weight capacity (lbs)').fill('60000');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await form.getByRole('button', { name: 'Post the truck' }).click();

  const weightError = form.locator('.field-error[data-pointer="/weightCapacityLbs"]');
  await expect(weightError).toBeVisible();
  await expect(form.getByLabel('Weight capacity (lbs)')).toBeFocused();
  await expect(form.getByLabel('Weight capacity (lbs)')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await form.getByLabel('Weight capacity (lbs)').fill('44000');
  await form.getByRole('button', { name: 'Post the truck' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Truck posted' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Memphis' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Dallas');
  const map = page.getByRole('img', { name: /Map of the United States with 1 of your lanes/ });
  await expect(map).toBeVisible();
  await expect(map.locator('g.lane.lane-capacity path.arc')).toHaveCount(1);
  await expect(map).not.toHaveAttribute('data-states-drawn', '0');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('lanes.png'), fullPage: true });

  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: /Truck .*Memphis.*Dallas/ })).toBeVisible();
  const match = page.getByRole('article').first();
  await expect(match).toBeVisible({ timeout: 45_000 });
  await expect(match.getByRole('heading', { name: /of empty driving avoided/ })).toBeVisible();
  await expect(match.getByText('Empty to the pickup')).toBeVisible();
  await expect(match.getByRole('heading', { name: 'Drive plan' })).toBeVisible();
  await expect(match.getByRole('listitem').filter({ hasText: 'Driving to the delivery' }).first()).toBeVisible();
  await expect(page.getByRole('img', { name: /and the routes of [1-3] match/ }).locator('g.match-route')).not.toHaveCount(0);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('lane-matches.png'), fullPage: true });
});

test('a shipper posts a load: an ambiguous city is shown at its field with the candidates, then the load is on the map', async ({ page, request, baseURL }) => {
  await signIn(page, await registerPartner(request, baseURL, ['SHIPPER']));
  await expect(page.getByRole('button', { name: 'Post a truck' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Post a load' }).click();
  const form = page.getByRole('form', { name: 'Post a load' });
  await form.getByRole('group', { name: 'Origin' }).getByLabel('City').fill('Springfield');
  await form.getByRole('group', { name: 'Destination' }).getByLabel('City').fill('Chicago');
  await form.getByRole('group', { name: 'Destination' }).getByLabel(/US state/).fill('IL');
  await form.getByRole('button', { name: 'Post the load' }).click();

  const originError = form.locator('.field-error[data-pointer="/origin/name"]');
  await expect(originError).toContainText('Springfield');
  await expect(originError).toContainText('MO');
  await expect(form.getByRole('group', { name: 'Origin' }).getByLabel('City')).toBeFocused();

  await form.getByRole('group', { name: 'Origin' }).getByLabel(/US state/).fill('MO');
  await form.getByRole('button', { name: 'Post the load' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Load posted' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Springfield' })).toContainText('Chicago');
  await expect(page.locator('svg g.lane.lane-load path.arc')).toHaveCount(1);
});

test('a slow call shows progress until it answers', async ({ page, request, baseURL }) => {
  const key = await registerPartner(request, baseURL, ['SHIPPER']);
  await page.route('**/partners/me', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.goto('./');
  await page.getByLabel('API key', { exact: true }).fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Working…' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Signing in…' })).toBeDisabled();
  await expect(page.getByRole('heading', { level: 1, name: 'Your lanes' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Working…' })).toHaveCount(0);
});

test('sign-out forgets the key: a reload stays signed out', async ({ page, request, baseURL }) => {
  await signIn(page, await registerPartner(request, baseURL, ['CARRIER', 'SHIPPER']));
  expect(await page.evaluate(() => Object.values(sessionStorage).some((value) => value.startsWith('bhx_')))).toBe(true);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.goto('./#/lanes');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});
