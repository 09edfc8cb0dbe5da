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
