import { defineConfig } from '@playwright/test';

// Browser tests run against a running local stack that serves the console (BHX_CONSOLE_URL, e.g.
// http://localhost:3000/console/), with Debian's Chromium (BHX_CHROMIUM, default /usr/bin/chromium):
// e2e's ConsoleBrowserTest starts both from `./bhx test`. No browser is downloaded and nothing leaves loopback.
const consoleUrl = process.env.BHX_CONSOLE_URL ?? 'http://localhost:3000/console/';

export default defineConfig({
  outputDir: 'test-results',
  reporter: [['list']],
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  projects: [
    {
      name: 'unit',
      testDir: 'tests/unit',
    },
    {
      name: 'browser',
      testDir: 'tests/browser',
      use: {
        baseURL: consoleUrl,
        screenshot: 'only-on-failure',
        trace: 'off',
        launchOptions: {
          executablePath: process.env.BHX_CHROMIUM ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
          ],
        },
      },
    },
  ],
});
