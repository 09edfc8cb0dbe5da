import { expect, test } from '@playwright/test';
import { gzipSync } from 'node:zlib';

// Issue 13's budget: at most 250 KB of gzipped JavaScript on the first load. Measured on what the stack serves.
const FIRST_LOAD_BUDGET_BYTES = 250 * 1024;

test('the first load ships at most 250 KB of gzipped JavaScript, and nothing from another origin', async ({ page, baseURL }) => {
  const scripts: { url: string; gzippedBytes: number }[] = [];
  const foreign: string[] = [];
  const origin = new URL(baseURL!).origin;
  page.on('response', async (response) => {
    if (!response.url().startsWith(origin)) {
      foreign.push(response.url());
    } else if (response.request().resourceType() === 'script') {
      scripts.push({ url: response.url(), gzippedBytes: gzipSync(await response.body()).length });
    }
  });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.waitForLoadState('networkidle');

  const total = scripts.reduce((sum, script) => sum + script.gzippedBytes, 0);
  console.log(`first load: ${scripts.length} script(s), ${(total / 1024).toFixed(1)} KB gzipped`);
  expect(scripts.length).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
  expect(foreign).toEqual([]);
});
