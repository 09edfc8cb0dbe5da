import { useEffect, useState } from 'preact/hooks';
import { api, call, newIdempotencyKey, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { formatZoned, zoneOf } from '../api/zoned';
import { amountOrText, hoursFromNow } from '../deals/dealText';
import { LaneMap } from '../map/LaneMap';
import { miles, money } from '../pages/laneText';
import { TextField } from '../ui/fields';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';
import { chainRoute, chainSegments, hopName, loadNumber, shortPlace, slackText, stopName, timeline } from './chain';

const ACTIVITY_NAMES: Record<Schemas['DriveActivity']['kind'], string> = {
  DRIVING: 'Driving',
  BREAK: 'Break (30 min after 8 h driving)',
  REST: 'Rest (10 h off duty)',
  WAITING: 'Waiting for a window to open',
  DWELL: 'Loading or unloading',
};

/**
 * A reload package as its carrier (or the carrier's broker) reads it (`GET /packages/{packageId}`): the chain on the
 * map, every figure of the whole chain and of each load, the drive plan across the chain with the windows and their
 * slack, and the form that offers each load to its shipper (`POST /packages/{packageId}/deals`).
 */
export function PackagePage({ packageId }: { packageId: string }) {
  const [pkg, setPkg] = useState<Schemas['ReloadPackage'] | null>(null);
  const [truck, setTruck] = useState<Schemas['Lane'] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [offering, setOffering] = useState(false);

  useEffect(() => {
    let current = true;
    void call(api.GET('/packages/{packageId}', { params: { path: { packageId } } })).then(async (outcome) => {
      if (!current) {
        return;
      }
      if (!outcome.ok) {
        setProblem(outcome.problem);
        return;
      }
      setPkg(outcome.data);
      const lane = await call(api.GET('/lanes/{laneId}', { params: { path: { laneId: outcome.data.capacityLaneId } } }));
      if (current && lane.ok) {
        setTruck(lane.data);
      }
    });
    return () => {
      current = false;
    };
  }, [packageId]);

  const explanation = pkg?.explanation;
  const zone = pkg ? zoneOf(pkg.explanation.schedule[0]?.at ?? '') : undefined;
  return (
    <main id="main">
      <p>
        <a href={pkg ? `#/lanes/${pkg.capacityLaneId}` : '#/lanes'}>← The truck's lane and matches</a>
      </p>
      <h1>Reload package</h1>
      <ProblemAlert problem={problem} />
      {pkg && explanation && (
        <>
          <p>
            {pkg.legs.length} loads: {chainRoute(pkg)}
            {pkg.roundTrip ? ' (a round trip)' : ''} · {pkg.status.toLowerCase()} · offerable until {formatZoned(pkg.matchableUntil, zone)}
          </p>
          {pkg.recommendation && (
            <p class="recommended">
              Recommended by the optimiser: booking it leaves the other trucks and loads of region {pkg.recommendation.region} their best use too.
            </p>
          )}
          <LaneMap
            lanes={truck ? [truck] : []}
            selectedLaneId={truck?.laneId}
            packageRoutes={[{ packageId: pkg.packageId, segments: chainSegments(pkg), title: `This package: ${chainRoute(pkg)}` }]}
            selectedPackageId={pkg.packageId}
          />
          <section aria-labelledby="total-heading">
            <h2 id="total-heading">The whole chain</h2>
            <dl class="explanation" data-testid="package-total">
              <dt>Empty to the first pickup</dt>
              <dd>{miles(explanation.originDeadheadMiles)}</dd>
              <dt>Empty between loads</dt>
              <dd>{miles(explanation.reloadDeadheadMiles)}</dd>
              <dt>Loaded</dt>
              <dd>{miles(explanation.loadedMiles)}</dd>
              <dt>Empty from the last delivery to the end</dt>
              <dd>{miles(explanation.destinationDeadheadMiles)}</dd>
              <dt>Empty in all</dt>
              <dd>{miles(explanation.totalDeadheadMiles)}</dd>
              <dt>Baseline: empty straight to the end</dt>
              <dd>{miles(explanation.baselineEmptyMiles)}</dd>
              <dt>Empty miles avoided</dt>
              <dd>
                {miles(explanation.emptyMilesAvoided)} (the best single load: {miles(explanation.bestSingleLoadEmptyMilesAvoided)})
              </dd>
              <dt>Out of route</dt>
              <dd>{miles(explanation.outOfRouteMiles)}</dd>
              <dt>CO₂e avoided (well-to-wheel)</dt>
              <dd>
                {Math.round(explanation.co2eAvoidedKg).toLocaleString('en-US')} kg, of which tank-to-wheel{' '}
                {Math.round(explanation.co2eAvoidedTankToWheelKg).toLocaleString('en-US')} kg{' '}
                <small>({explanation.emissionsMethod.factorSet}, {explanation.emissionsMethod.version})</small>
              </dd>
              <dt>Shippers' prices (market estimate, summed)</dt>
              <dd>{money(explanation.economics?.shipperPrice)}</dd>
              <dt>Your extra cost (own cost per mile)</dt>
              <dd>{money(explanation.economics?.carrierIncrementalCost)}</dd>
              <dt>Surplus to share</dt>
              <dd>{money(explanation.economics?.surplus)}</dd>
            </dl>
          </section>
          <section aria-labelledby="legs-heading">
            <h2 id="legs-heading">Load by load</h2>
            <table class="lanes package-legs">
              <caption class="visually-hidden">Each load of the package in carrying order, with its miles and its part of the money</caption>
              <thead>
                <tr>
                  <th scope="col">Load</th>
                  <th scope="col">Pickup → delivery</th>
                  <th scope="col" class="number">Empty before the pickup</th>
                  <th scope="col" class="number">Loaded</th>
                  <th scope="col" class="number">Miles charged to it</th>
                  <th scope="col" class="number">Empty miles it avoids alone</th>
                  <th scope="col" class="number">Shipper's price</th>
                  <th scope="col" class="number">Your cost share</th>
                  <th scope="col" class="number">Surplus</th>
                </tr>
              </thead>
              <tbody>
                {pkg.legs.map((leg) => (
                  <tr key={leg.loadIndex} data-load-lane-id={leg.loadLaneId}>
                    <th scope="row">Load {loadNumber(leg.loadIndex)}</th>
                    <td>{shortPlace(leg.pickup)} → {shortPlace(leg.delivery)}</td>
                    <td class="number">{miles(leg.deadheadToPickupMiles)}</td>
                    <td class="number">{miles(leg.loadedMiles)}</td>
                    <td class="number">{miles(leg.attributableMiles)}</td>
                    <td class="number">{miles(leg.emptyMilesAvoidedAlone)}</td>
                    <td class="number">
                      {money(leg.economics?.shipperPrice)}
                      {leg.economics?.shipperPrice ? <small> ({leg.economics.priceSource === 'BUDGET' ? 'your own load' : 'market'})</small> : null}
                    </td>
                    <td class="number">{money(leg.economics?.carrierCostShare)}</td>
                    <td class="number">{money(leg.economics?.surplus)}</td>
                  </tr>
                ))}
                <tr class="total">
                  <th scope="row">In all</th>
                  <td>then {miles(explanation.destinationDeadheadMiles)} empty to {shortPlace(pkg.mustEndAt)}</td>
                  <td class="number">{miles(explanation.originDeadheadMiles + explanation.reloadDeadheadMiles)}</td>
                  <td class="number">{miles(explanation.loadedMiles)}</td>
                  <td class="number">{miles(pkg.legs.reduce((sum, leg) => sum + leg.attributableMiles, 0))}</td>
                  <td class="number">{miles(explanation.emptyMilesAvoided)}</td>
                  <td class="number">{money(explanation.economics?.shipperPrice)}</td>
                  <td class="number">{money(explanation.economics?.carrierIncrementalCost)}</td>
                  <td class="number">{money(explanation.economics?.surplus)}</td>
                </tr>
              </tbody>
            </table>
          </section>
          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">Drive plan and windows</h2>
            <p>
              {Math.floor(explanation.drivePlan.drivingMinutes / 60)} h {String(explanation.drivePlan.drivingMinutes % 60).padStart(2, '0')} min
              of driving under US hours of service, from {formatZoned(explanation.drivePlan.startsAt, zone)} to{' '}
              {formatZoned(explanation.drivePlan.endsAt, zone)}. Times in the first stop's zone; each window's slack is the time
              left before it closes.
            </p>
            <ol class="timeline" aria-label="Drive plan with the windows">
              {timeline(explanation).map((entry, index) =>
                entry.kind === 'stop' ? (
                  <li key={index} class="stop">
                    {stopName(entry.stop)}: {formatZoned(entry.stop.at)},{' '}
                    <span class={entry.stop.slackMinutes < 0 ? 'late' : undefined}>{slackText(entry.stop.slackMinutes)}</span>
                  </li>
                ) : (
                  <li key={index} class={`activity activity-${entry.activity.kind.toLowerCase()}`}>
                    {ACTIVITY_NAMES[entry.activity.kind]}
                    {entry.activity.kind === 'DRIVING' && entry.activity.legIndex !== undefined ? `, ${hopName(pkg.legs.length, entry.activity.legIndex)}` : ''}:{' '}
                    {formatZoned(entry.activity.startsAt, zone)}, {entry.activity.durationMinutes} min
                    {entry.activity.miles !== undefined ? `, ${miles(entry.activity.miles)}` : ''}
                  </li>
                ),
              )}
            </ol>
          </section>
          {pkg.status === 'PROPOSED' && (
            <section aria-labelledby="offer-heading" class="no-print">
              <h2 id="offer-heading">Book it as one deal</h2>
              <p>
                Each shipper is offered its own load and sees only that it is one of {pkg.legs.length} carried by one truck. The
                package books when the last shipper accepts, every lane at once; if one declines or an offer lapses, nothing books.
              </p>
              <button type="button" class="secondary" aria-expanded={offering} aria-controls="package-offers" onClick={() => setOffering(!offering)}>
                Offer the loads to their shippers
              </button>
              {offering && <PackageOffersForm pkg={pkg} />}
            </section>
          )}
        </>
      )}
    </main>
  );
}

/** A first offer for a load: its cost share plus half its surplus, in dollars (the even split of a single match). */
function evenSplit(leg: Schemas['ReloadPackage']['legs'][number]): string {
  const cost = leg.economics?.carrierCostShare.amountMinorUnits;
  const surplus = leg.economics?.surplus?.amountMinorUnits;
  return cost !== undefined && surplus !== undefined ? ((cost + surplus / 2) / 100).toFixed(2) : '';
}

const hoursField = (index: number) => `expiresInHours-${index}`;

/** One offer per load, in chain order; the API's pointers (`/offers/1/amount`, `/offers/0/expiresAt`) land at the fields. */
function PackageOffersForm({ pkg }: { pkg: Schemas['ReloadPackage'] }) {
  const pointers = pkg.legs.flatMap((_, index) => [`/offers/${index}/amount`, `/offers/${index}/expiresAt`, `/offers/${index}/note`, hoursField(index)]);
  const initial = Object.fromEntries(pkg.legs.flatMap((leg, index) => [
    [`/offers/${index}/amount`, evenSplit(leg)],
    [hoursField(index), '24'],
    [`/offers/${index}/note`, ''],
  ]));
  const form = useApiForm(initial, [...pointers, '/offers']);
  const errors = new Map(form.fieldErrors);
  pkg.legs.forEach((_, index) => {
    const expiry = errors.get(`/offers/${index}/expiresAt`);
    if (expiry) {
      errors.set(hoursField(index), expiry);
    }
  });
  const fieldProps = { values: form.values, onInput: form.onInput, errors };

  async function submit(event: Event) {
    event.preventDefault();
    const offers = pkg.legs.map((_, index) => {
      const note = form.values[`/offers/${index}/note`]?.trim();
      return {
        amount: amountOrText(form.values[`/offers/${index}/amount`] ?? ''),
        expiresAt: hoursFromNow(form.values[hoursField(index)] ?? ''),
        ...(note ? { note } : {}),
      };
    });
    const deal = await form.submit(() => call(api.POST('/packages/{packageId}/deals', {
      params: { path: { packageId: pkg.packageId }, header: { 'Idempotency-Key': newIdempotencyKey() } },
      body: { offers },
    })));
    if (deal) {
      window.location.hash = `#/package-deals/${deal.dealId}`;
    }
  }

  return (
    <form id="package-offers" ref={form.formRef} onSubmit={submit} noValidate class="card" aria-label="Package offers">
      <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
      {errors.get('/offers') && <p class="field-error" data-pointer="/offers">{errors.get('/offers')!.join(' ')}</p>}
      {pkg.legs.map((leg, index) => (
        <fieldset key={leg.loadIndex}>
          <legend>
            Load {loadNumber(leg.loadIndex)}: {shortPlace(leg.pickup)} → {shortPlace(leg.delivery)}
          </legend>
          <TextField pointer={`/offers/${index}/amount`} label={`Load ${loadNumber(leg.loadIndex)}: all-in amount, USD`} hint="Prefilled with your cost share plus half the load's surplus." {...fieldProps} required />
          <TextField pointer={hoursField(index)} label={`Load ${loadNumber(leg.loadIndex)}: offer stands for (hours)`} type="number" hint="At most 72 hours, and not past the package's deadline." {...fieldProps} required />
          <TextField pointer={`/offers/${index}/note`} label={`Load ${loadNumber(leg.loadIndex)}: note (optional)`} {...fieldProps} />
        </fieldset>
      ))}
      <button type="submit" disabled={form.submitting}>{form.submitting ? 'Sending…' : 'Send the package offers'}</button>
    </form>
  );
}
