import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiOrigin, registerPartnerWithId } from '../browser/support';

// Issue 13: the time until the lanes page is interactive against the local stack, and the map with 1,000 lanes.
// Each figure is the median of RUNS fresh page loads (a new browser context each: nothing cached) and is reported as
// a ratio against a floor measured the same way on the same machine in the same run, with the raw milliseconds
// beside it. The set-up posts 1,000 trucks for one carrier through the API, BATCH at a time, on loopback only.
const RUNS = Number(process.env.BHX_BENCH_RUNS ?? 7);
const LANES = Number(process.env.BHX_BENCH_LANES ?? 1000);
const BATCH = 8;
/** The lanes page lists (and draws) 100 lanes a page; "Show more lanes" adds the next 100. */
const PAGE_SIZE = 100;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A truck from a point of a 40 x 25 grid over the lower 48 to the point mirrored across its middle: distinct arcs. */
function truck(index: number) {
  const columns = 40;
  const row = Math.floor(index / columns) % 25;
  const column = index % columns;
  // 33°N to 43.8°N, 117°W to 80°W: every point and its mirror inside the lower 48's map.
  const latitude = 33 + row * 0.45;
  const longitude = -117 + column * 0.95;
  const day = (days: number, hour: number) => {
    const date = new Date(Date.now() + days * 86_400_000);
    return `${date.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00Z`;
  };
  return {
    emptyAt: { latitudeDegrees: latitude, longitudeDegrees: longitude, label: `Yard ${index}` },
    mustEndAt: { latitudeDegrees: 76.8 - latitude, longitudeDegrees: -197 - longitude, label: `Home ${index}` },
    availableFrom: day(2, 12), mustArriveBy: day(6, 12),
    equipment: 'DRY_VAN', weightCapacityLbs: 44000, palletCapacity: 26,
    maxOriginDeadheadMiles: 50, maxDestinationDeadheadMiles: 50,
  };
}

/**
 * Opens `hash` in a fresh context (signed in when `apiKey` is given, as a reload of a signed-in tab is) and returns
 * the milliseconds from the navigation's start until `ready` holds in the page, polled every animation frame.
 */
async function timeToReady(browser: Browser, baseURL: string, hash: string, apiKey: string | null, ready: () => boolean): Promise<{ millis: number; page: Page }> {
  const context = await browser.newContext({ baseURL });
  if (apiKey) {
    await context.addInitScript((key) => window.sessionStorage.setItem('bhx.apiKey', key), apiKey);
  }
  const page = await context.newPage();
  await page.goto(`./${hash}`);
  const handle = await page.waitForFunction(`(${ready.toString()})() && performance.now()`, undefined, { polling: 'raf', timeout: 120_000 });
  return { millis: (await handle.jsonValue()) as number, page };
}

/** The sign-in page: its key field and button usable. */
function signInReady(): boolean {
  const button = [...document.querySelectorAll('button')].find((one) => one.textContent === 'Sign in');
  return !!document.querySelector('input[type="password"], input[name="apiKey"], #api-key') && !!button && !(button as HTMLButtonElement).disabled;
}

/** The lanes page: the first page of lanes listed, drawn on the map over the states, and "Post a truck" usable. */
function lanesReady(): boolean {
  const svg = document.querySelector('.lane-map svg');
  const post = [...document.querySelectorAll('button')].find((one) => one.textContent === 'Post a truck');
  return document.querySelectorAll('table.lanes tbody tr').length >= 100
    && Number(svg?.getAttribute('data-lanes-drawn') ?? 0) >= 100
    && Number(svg?.getAttribute('data-states-drawn') ?? 0) > 0
    && !!post;
}

/** Clicks "Show more lanes" and returns the milliseconds until the map draws `lanes` lanes. */
async function showMore(page: Page, lanes: number): Promise<number> {
  const started = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Show more lanes' }).click();
  const handle = await page.waitForFunction(
    (count) => Number(document.querySelector('.lane-map svg')?.getAttribute('data-lanes-drawn') ?? 0) >= count && performance.now(),
    lanes, { polling: 'raf', timeout: 120_000 });
  return ((await handle.jsonValue()) as number) - started;
}

test(`console speed: the lanes page interactive and the map with ${LANES} lanes, against floors`, async ({ browser, request, baseURL }) => {
  const api = apiOrigin(baseURL);
  expect(['localhost', '127.0.0.1', '[::1]'], 'the benchmark posts its lanes to a local stack only').toContain(new URL(api).hostname);
  expect(LANES % PAGE_SIZE).toBe(0);

  const carrier = await registerPartnerWithId(request, baseURL, ['CARRIER']);
  const setUpStarted = Date.now();
  const authorization = { Authorization: `Bearer ${carrier.token}` };
  const laneIds: string[] = [];
  for (let first = 0; first < LANES; first += BATCH) {
    await Promise.all(Array.from({ length: Math.min(BATCH, LANES - first) }, async (_, offset) => {
      const response = await request.post(`${api}/lanes/capacity`, { headers: authorization, data: truck(first + offset) });
      expect(response.status(), await response.text()).toBe(201);
      laneIds.push((await response.json()).laneId as string);
    }));
  }
  // Matching runs after each posting: the measurements start once the stack has matched every truck, so that they
  // do not share the machine with it.
  for (const laneId of laneIds) {
    await expect.poll(async () => {
      const matches = await request.get(`${api}/lanes/${laneId}/matches`, { headers: authorization });
      return (await matches.json()).matching.status as string;
    }, { timeout: 600_000, intervals: [500, 1000, 2000] }).not.toBe('PENDING');
  }
  const setUpSeconds = (Date.now() - setUpStarted) / 1000;

  const signIn: number[] = [];
  const lanesPage: number[] = [];
  const secondPage: number[] = [];
  const lastPage: number[] = [];
  // One run unmeasured first: the stack's and the browser's first-time costs are not what the figures are about.
  for (let run = 0; run <= RUNS; run += 1) {
    const floor = await timeToReady(browser, baseURL!, '#/', null, signInReady);
    await floor.page.context().close();
    const lanes = await timeToReady(browser, baseURL!, '#/lanes', carrier.token, lanesReady);
    const second = await showMore(lanes.page, 2 * PAGE_SIZE);
    let last = 0;
    for (let drawn = 3 * PAGE_SIZE; drawn <= LANES; drawn += PAGE_SIZE) {
      last = await showMore(lanes.page, drawn);
    }
    await expect(lanes.page.locator('.lane-map svg g.lane')).toHaveCount(LANES);
    await lanes.page.context().close();
    if (run > 0) {
      signIn.push(floor.millis);
      lanesPage.push(lanes.millis);
      secondPage.push(second);
      lastPage.push(last);
    }
  }

  const report = {
    runs: RUNS,
    lanes: LANES,
    setUpSeconds,
    floors: {
      signInPageMillis: median(signIn),
      mapWith200LanesMillis: median(secondPage),
    },
    lanesPageInteractive: { millis: median(lanesPage), ratioToSignInPage: median(lanesPage) / median(signIn) },
    mapWithAllLanes: {
      millis: median(lastPage),
      ratioToMapWith200Lanes: median(lastPage) / median(secondPage),
      ratioToSignInPage: median(lastPage) / median(signIn),
    },
    samples: { signIn, lanesPage, secondPage, lastPage },
  };
  const out = join(test.info().project.outputDir, 'console-speed.json');
  mkdirSync(test.info().project.outputDir, { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2));
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log([
    `console speed, median of ${RUNS} runs (${LANES} lanes of one carrier, posted in ${setUpSeconds.toFixed(0)} s):`,
    `  floor: sign-in page interactive                         ${ms(report.floors.signInPageMillis)}`,
    `  lanes page interactive (first ${PAGE_SIZE} of ${LANES} listed and drawn)  ${ms(report.lanesPageInteractive.millis)}  = ${report.lanesPageInteractive.ratioToSignInPage.toFixed(2)} x the sign-in page`,
    `  floor: "Show more lanes" to 200 lanes drawn               ${ms(report.floors.mapWith200LanesMillis)}`,
    `  "Show more lanes" to ${LANES} lanes drawn                   ${ms(report.mapWithAllLanes.millis)}  = ${report.mapWithAllLanes.ratioToMapWith200Lanes.toFixed(2)} x 200 lanes, ${report.mapWithAllLanes.ratioToSignInPage.toFixed(2)} x the sign-in page`,
    `  written to ${out}`,
  ].join('\n'));
});
