import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The API's origin: the console is served from it (ADR 28). */
export function apiOrigin(baseURL: string | undefined): string {
  return new URL(baseURL ?? 'http://localhost:3000/console/').origin;
}

let uniqueness = 0;

/** Registers a partner through the API (test set-up, not what is under test) and returns its key. */
export async function registerPartner(
  request: APIRequestContext,
  baseURL: string | undefined,
  roles: ('CARRIER' | 'SHIPPER' | 'BROKER')[],
): Promise<string> {
  return (await registerPartnerWithId(request, baseURL, roles)).token;
}

/** Registers a partner through the API and returns its key and its partner id. */
export async function registerPartnerWithId(
  request: APIRequestContext,
  baseURL: string | undefined,
  roles: ('CARRIER' | 'SHIPPER' | 'BROKER')[],
): Promise<{ token: string; partnerId: string }> {
  uniqueness += 1;
  const response = await request.post(`${apiOrigin(baseURL)}/partners`, {
    data: {
      legalName: `Console Test ${roles.join(' ')} ${Date.now()}-${uniqueness}`,
      roles,
      contact: { name: 'Dana Dispatcher', email: 'dana@example.com' },
      homeBase: { latitudeDegrees: 35.1495, longitudeDegrees: -90.049 },
      ...(roles.includes('CARRIER')
        ? { operatingCostPerMile: { amountMinorUnits: 190, currency: 'USD' }, fleetEquipment: ['DRY_VAN'] }
        : {}),
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const registration = await response.json();
  return { token: registration.apiKey.token as string, partnerId: registration.partner.partnerId as string };
}

/**
 * Files a carrier's operating authority and a current insurance certificate through the API (test set-up):
 * nothing books without them (ADR 37), and the upload goes to the presigned URL the declaration returns.
 */
export async function fileCarrierCompliance(
  request: APIRequestContext,
  baseURL: string | undefined,
  carrierKey: string,
): Promise<void> {
  const api = apiOrigin(baseURL);
  const headers = { Authorization: `Bearer ${carrierKey}` };
  const authority = await request.put(`${api}/partners/me/compliance/operating-authority`, {
    headers,
    data: { usdotNumber: '3141592', mcNumber: '1087234' },
  });
  expect(authority.status(), await authority.text()).toBe(200);
  const pdf = Buffer.from('%PDF-1.7 certificate of liability insurance', 'ascii');
  const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const declared = await request.post(`${api}/partners/me/compliance/insurance-certificates`, {
    headers,
    data: {
      insurer: 'Prairie Mutual Insurance Co', policyNumber: 'CA-2026-004417',
      autoLiabilityCoverage: { amountMinorUnits: 100_000_000, currency: 'USD' },
      cargoCoverage: { amountMinorUnits: 10_000_000, currency: 'USD' },
      effectiveOn: dayFromToday(-1), expiresOn: dayFromToday(364),
      file: { contentType: 'application/pdf', sizeBytes: pdf.length },
    },
  });
  expect(declared.status(), await declared.text()).toBe(201);
  const upload = (await declared.json()).upload as { url: string; headers: Record<string, string> };
  const uploadHeaders = Object.fromEntries(
    Object.entries(upload.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-length'));
  const uploaded = await request.put(upload.url, { headers: uploadHeaders, data: pdf });
  expect(uploaded.status(), 'the certificate upload').toBe(200);
}

export async function signIn(page: Page, apiKey: string): Promise<void> {
  await page.goto('./');
  await page.getByLabel('API key', { exact: true }).fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your lanes' })).toBeVisible();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.x A and AA rules on the page as it is: the serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return results.violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
