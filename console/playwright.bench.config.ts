import { defineConfig } from '@playwright/test';

// The console's speed benchmark (docs/benchmarks.md, "Partner console"): not a test, it asserts no time. Run against a
// local stack serving the console (BHX_CONSOLE_URL), on loopback only, with Debian's Chromium; `./bhx bench console`
// starts both. Its report is printed and written to test-results/bench/console-speed.json.
const consoleUrl = process.env.BHX_CONSOLE_URL ?? 'http://localhost:3000/console/';

export default defineConfig({
  outputDir: 'test-results/bench',
  reporter: [['list']],
  workers: 1,
  timeout: 20 * 60_000,
  projects: [
    {
      name: 'bench',
      testDir: 'tests/bench',
      use: {
        baseURL: consoleUrl,
        trace: 'off',
        viewport: { width: 1280, height: 900 },
        launchOptions: {
          executablePath: process.env.BHX_CHROMIUM ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
        },
      },
    },
  ],
});
