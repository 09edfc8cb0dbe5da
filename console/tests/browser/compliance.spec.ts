import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { negotiatedDeal, pdf } from './afterSupport';
import { seriousAccessibilityViolations, signIn } from './support';

// The carrier's compliance in the console (ADR 37): filed in Settings, its certificate uploaded from the browser
// straight to storage; the gate refusing an accept in words, then letting it through; a shipper's requirements.

async function expectAccessible(page: Page) {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('a carrier refused for its missing authority files it and uploads its certificate in the browser; then its accept books the load', async ({ page, request, baseURL }) => {
  test.setTimeout(150_000);
  const deal = await negotiatedDeal(request, baseURL, {
    truckFrom: { name: 'Denver', stateOrCountry: 'CO', timeZone: 'America/Denver' }, truckTo: { name: 'Albuquerque', stateOrCountry: 'NM', timeZone: 'America/Denver' },
    loadTo: { name: 'Colorado Springs', stateOrCountry: 'CO', timeZone: 'America/Denver' },
  }, { offeredBy: 'SHIPPER', carrierCompliant: false });

  // Before anything is filed, the negotiation says the accept would be refused, and the accept is, in words.
  await signIn(page, deal.carrierKey);
  await page.goto(`./#/negotiations/${deal.negotiationId}`);
  await expect(page.getByTestId('gate-decision')).toContainText('AUTHORITY_MISSING');
  await page.getByRole('button', { name: 'Accept $1,500.00' }).click();
  const refusal = page.getByRole('alert');
  await expect(refusal).toBeVisible();
  await expect(page.getByTestId('gate-advice')).toContainText('The carrier must enter its USDOT and MC numbers under Settings, Compliance.');
  await expect(page.getByTestId('negotiation-status')).toHaveText('Open');

  // Settings, Compliance: the record says what is missing.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Compliance' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Compliance' })).toBeVisible();
  await expect(page.getByTestId('compliance-headline')).toHaveText('You cannot be booked yet.');
  await expect(page.getByText('No operating authority filed')).toBeVisible();

  // The authority: an MC number with its prefix is refused at its field, then the digits are saved.
  const authority = page.getByRole('form', { name: 'Operating authority' });
  await authority.getByLabel('USDOT number').fill('3141592');
  await authority.getByLabel('MC number').fill('MC-1087234');
  await authority.getByRole('button', { name: 'Save the authority' }).click();
  await expect(authority.locator('.field-error[data-pointer="/mcNumber"]')).toBeVisible();
  await expect(authority.getByLabel('MC number')).toBeFocused();
  await authority.getByLabel('MC number').fill('1087234');
  await authority.getByRole('button', { name: 'Save the authority' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Operating authority saved.' })).toBeVisible();
  await expect(page.getByTestId('authority')).toHaveText('USDOT 3141592, MC 1087234: active');

  // The certificate: a web page is refused before anything is sent, then the PDF goes to storage.
  const certificate = page.getByRole('form', { name: 'Insurance certificate' });
  await certificate.getByLabel('Insurer').fill('Prairie Mutual Insurance Co');
  await certificate.getByLabel('Policy number').fill('CA-2026-004417');
  await certificate.getByLabel('Auto liability coverage per occurrence, USD').fill('1000000');
  await certificate.getByLabel('Cargo coverage per occurrence, USD').fill('100000');
  await certificate.getByLabel('Policy in force from').fill(day(-1));
  await certificate.getByLabel("Policy's last day").fill(day(364));
  const file = certificate.getByLabel('Certificate file');
  await file.setInputFiles({ name: 'certificate.html', mimeType: 'text/html', buffer: Buffer.from('<html></html>') });
  await certificate.getByRole('button', { name: 'File the certificate' }).click();
  await expect(certificate.locator('.field-error[data-pointer="/file"]')).toContainText('only PDF, JPEG or PNG');
  await expect(file).toBeFocused();
  const bytes = pdf('certificate of liability insurance');
  await file.setInputFiles({ name: 'certificate.pdf', mimeType: 'application/pdf', buffer: bytes });
  await certificate.getByRole('button', { name: 'File the certificate' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Certificate filed and its file uploaded.' })).toBeVisible();
  await expect(certificate.locator('.upload-progress')).toContainText('100%');
  await expect(page.getByTestId('compliance-headline')).toHaveText('You can be booked: authority active and insurance in force.');
  await expect(page.getByTestId('certificate')).toContainText('$1,000,000.00');
  await expect(page.getByTestId('certificate')).toContainText('received');
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('settings-compliance-carrier.png'), fullPage: true });

  // The gate now lets the accept through: the load is booked.
  await page.goto(`./#/negotiations/${deal.negotiationId}`);
  await expect(page.getByTestId('gate-decision')).toContainText('The carrier can be booked');
  await page.getByRole('button', { name: 'Accept $1,500.00' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Offer accepted' })).toBeVisible();
  await expect(page.getByTestId('negotiation-status')).toHaveText('Agreed');
  await expect(page.getByRole('link', { name: /the booking and its rate confirmation/ })).toBeVisible();
});

test("a shipper requires more cargo coverage than the carrier's; its accept is refused with the reason in words; it downloads the certificate", async ({ page, request, baseURL }) => {
  test.setTimeout(150_000);
  const deal = await negotiatedDeal(request, baseURL, {
    truckFrom: { name: 'Phoenix', stateOrCountry: 'AZ', timeZone: 'America/Phoenix' }, truckTo: { name: 'El Paso', stateOrCountry: 'TX', timeZone: 'America/Denver' },
    loadTo: { name: 'Tucson', stateOrCountry: 'AZ', timeZone: 'America/Phoenix' },
  }, { offeredBy: 'CARRIER', carrierCompliant: true });

  await signIn(page, deal.shipperKey);
  await page.goto('./#/settings/compliance');
  const requirements = page.getByRole('form', { name: 'Carrier requirements' });
  await expect(requirements.getByLabel('Least auto liability coverage, USD')).toHaveValue('750000');
  await expect(page.getByText('You have set none: the defaults apply')).toBeVisible();
  // Below the federal minimum: refused at its field.
  await requirements.getByLabel('Least auto liability coverage, USD').fill('500000');
  await requirements.getByRole('button', { name: 'Save the requirements' }).click();
  await expect(requirements.locator('.field-error[data-pointer="/minimumAutoLiability"]')).toBeVisible();
  await requirements.getByLabel('Least auto liability coverage, USD').fill('1000000');
  await requirements.getByLabel('Least cargo coverage, USD').fill('250000');
  await requirements.getByRole('button', { name: 'Save the requirements' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Requirements saved' })).toContainText('$250,000.00 cargo');
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('settings-compliance-shipper.png'), fullPage: true });

  // The negotiation shows the carrier's coverage against the requirement; the accept is refused, in words.
  await page.goto(`./#/negotiations/${deal.negotiationId}`);
  await expect(page.getByTestId('gate-decision')).toContainText('INSURANCE_BELOW_REQUIRED_COVERAGE');
  await expect(page.getByRole('region', { name: 'Carrier compliance' })).toContainText('cargo $250,000.00');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the insurance certificate' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  expect(readFileSync(await download.path()).toString('ascii')).toContain('%PDF-1.7 certificate of liability insurance');
  await page.getByRole('button', { name: 'Accept $1,500.00' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByTestId('gate-advice')).toContainText("The carrier's coverage is below what the shipper requires.");
  await expect(page.getByTestId('negotiation-status')).toHaveText('Open');
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('negotiation-compliance-refused.png'), fullPage: true });
});
