import { useEffect, useState } from 'preact/hooks';
import { api, call, newIdempotencyKey, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { formatZoned, zoneOf } from '../api/zoned';
import { LaneMap } from '../map/LaneMap';
import { ProblemAlert } from '../ui/ProblemAlert';
import { OfferForm } from '../deals/OfferForm';
import { DrivePlan } from './DrivePlan';
import { kindName, laneRoute, laneWhen, miles, money } from './laneText';
import { PackageList } from '../packages/PackageList';
import { chainRoute, chainSegments } from '../packages/chain';

/** Matching runs seconds after posting: while it is pending the page asks again, for up to a minute. */
const POLL_MILLIS = 2_000;
const POLL_ATTEMPTS = 30;
/** The best few matches' routes are drawn; more would hide one another. */
const MATCH_ROUTES_ON_MAP = 3;
/** A truck's packages shown: the API keeps the best five of a search, more when later loads completed others. */
const PACKAGES_SHOWN = 20;

export function LaneMatches({ laneId }: { laneId: string }) {
  const [lane, setLane] = useState<Schemas['Lane'] | null>(null);
  const [matches, setMatches] = useState<Schemas['LaneMatches'] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  // A truck's reload packages (ADR 25) beside its single-load matches; the one selected is highlighted on the map.
  const [packages, setPackages] = useState<Schemas['LanePackages'] | null>(null);
  const [selectedPackageId, setSelectedPackageId] = useState<string | undefined>();

  useEffect(() => {
    let cancelled = false;
    let timer: number | undefined;
    const path = { params: { path: { laneId } } };
    async function load(attempt: number) {
      const [laneOutcome, matchesOutcome] = await Promise.all([
        call(api.GET('/lanes/{laneId}', path)),
        call(api.GET('/lanes/{laneId}/matches', path)),
      ]);
      if (cancelled) {
        return;
      }
      if (!laneOutcome.ok || !matchesOutcome.ok) {
        setProblem(!laneOutcome.ok ? laneOutcome.problem : !matchesOutcome.ok ? matchesOutcome.problem : null);
        return;
      }
      setLane(laneOutcome.data);
      setMatches(matchesOutcome.data);
      let packagesPending = false;
      if (laneOutcome.data.kind === 'CAPACITY') {
        const packagesOutcome = await call(api.GET('/lanes/{laneId}/packages', { params: { path: { laneId }, query: { limit: PACKAGES_SHOWN } } }));
        if (cancelled) {
          return;
        }
        if (packagesOutcome.ok) {
          setPackages(packagesOutcome.data);
          packagesPending = packagesOutcome.data.search.status === 'PENDING';
        } else {
          setProblem(packagesOutcome.problem);
        }
      }
      if ((matchesOutcome.data.matching.status === 'PENDING' || packagesPending) && attempt < POLL_ATTEMPTS) {
        timer = window.setTimeout(() => load(attempt + 1), POLL_MILLIS);
      }
    }
    void load(1);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [laneId]);

  return (
    <main id="main">
      <p>
        <a href="#/lanes">← All your lanes</a>
      </p>
      <h1>{lane ? `${kindName(lane)} ${laneRoute(lane)}` : 'Lane'}</h1>
      <ProblemAlert problem={problem} />
      {lane && (
        <p>
          {laneWhen(lane)} · {lane.status.toLowerCase()} · <code>{lane.laneId}</code>
        </p>
      )}
      {lane && (
        <LaneMap
          lanes={[lane]}
          selectedLaneId={lane.laneId}
          matchRoutes={(matches?.items ?? []).slice(0, MATCH_ROUTES_ON_MAP).map((match, index) => ({
            matchId: match.matchId,
            stops: [match.route.emptyAt, match.route.pickup, match.route.delivery, match.route.mustEndAt],
            title: `Match ${index + 1}: empty at, pickup, delivery, end`,
          }))}
          packageRoutes={(packages?.items ?? []).map((pkg, index) => ({
            packageId: pkg.packageId,
            segments: chainSegments(pkg),
            title: `Package ${index + 1}: ${chainRoute(pkg)}`,
          }))}
          selectedPackageId={selectedPackageId}
        />
      )}
      <div class="lane-results">
        {matches && <MatchList matches={matches} />}
        {packages && <PackageList packages={packages} selectedPackageId={selectedPackageId} onSelect={setSelectedPackageId} />}
      </div>
    </main>
  );
}

function MatchList({ matches }: { matches: Schemas['LaneMatches'] }) {
  const { matching } = matches;
  return (
    <section aria-labelledby="matches-heading">
      <h2 id="matches-heading">Matches</h2>
      <p role="status">
        {matching.status === 'PENDING'
          ? 'Matching is running for this lane…'
          : matching.status === 'SKIPPED'
            ? 'Matching did not run: the lane was booked, withdrawn or expired first.'
            : `Matching read ${matching.candidatesRead ?? 0} candidates, ${matching.feasibleCount ?? 0} feasible: ${matches.items.length} proposed match(es).`}
      </p>
      {matches.items.map((match, index) => (
        <MatchCard key={match.matchId} match={match} rank={index + 1} />
      ))}
      {matches.nearestRejections.length > 0 && (
        <>
          <h3>Nearest candidates that did not match</h3>
          <ul class="rejections">
            {matches.nearestRejections.map((rejection, index) => (
              <li key={index}>
                {miles(rejection.originDeadheadMiles)} empty to pickup, {miles(rejection.loadedMiles)} loaded:{' '}
                {rejection.reasons.map((reason) => reason.detail).join(' ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const LEG_NAMES = ['to the pickup', 'to the delivery', 'to the end point'];

/** An opening offer that splits the surplus evenly: the carrier's extra cost plus half the surplus, in dollars. */
function evenSplit(economics: Schemas['Match']['explanation']['economics']): string {
  const cost = economics.carrierIncrementalCost?.amountMinorUnits;
  const surplus = economics.surplus?.amountMinorUnits;
  return cost !== undefined && surplus !== undefined ? ((cost + surplus / 2) / 100).toFixed(2) : '';
}

/** Opens a negotiation on a match with a first offer, then goes to it. */
function OpenNegotiation({ match }: { match: Schemas['Match'] }) {
  const [opening, setOpening] = useState(false);
  const formId = `open-negotiation-${match.matchId}`;
  return (
    <div class="no-print">
      <button type="button" class="secondary" aria-expanded={opening} aria-controls={formId} onClick={() => setOpening(!opening)}>
        Open a negotiation
      </button>
      {opening && (
        <div id={formId}>
          <OfferForm
            label="Opening offer"
            submitLabel="Send the offer"
            initialAmount={evenSplit(match.explanation.economics)}
            send={(body) =>
              call(api.POST('/matches/{matchId}/negotiations', {
                params: { path: { matchId: match.matchId }, header: { 'Idempotency-Key': newIdempotencyKey() } },
                body,
              }))
            }
            onDone={(negotiation) => (window.location.hash = `#/negotiations/${negotiation.negotiationId}`)}
          />
        </div>
      )}
    </div>
  );
}

function MatchCard({ match, rank }: { match: Schemas['Match']; rank: number }) {
  const { explanation } = match;
  const headingId = `match-${match.matchId}`;
  // The drive plan's instants are in UTC; they are shown in the zone the pickup is shown in.
  const planZone = zoneOf(explanation.schedule.pickupAt);
  return (
    <article class="card match" aria-labelledby={headingId} data-match-id={match.matchId}>
      <h3 id={headingId}>
        Match {rank}: {miles(explanation.emptyMilesAvoided)} of empty driving avoided
        {match.recommendation ? ' · recommended by the optimiser' : ''}
      </h3>
      <dl class="explanation">
        <dt>Empty to the pickup</dt>
        <dd>{miles(explanation.originDeadheadMiles)}</dd>
        <dt>Loaded</dt>
        <dd>{miles(explanation.loadedMiles)}</dd>
        <dt>Empty from the delivery to the end</dt>
        <dd>{miles(explanation.destinationDeadheadMiles)}</dd>
        <dt>Out of route</dt>
        <dd>{miles(explanation.outOfRouteMiles)}</dd>
        <dt>CO₂e avoided (well-to-wheel)</dt>
        <dd>
          {Math.round(explanation.co2eAvoidedKg).toLocaleString('en-US')} kg{' '}
          <small>({explanation.emissionsMethod.factorSet}, {explanation.emissionsMethod.version})</small>
        </dd>
        <dt>Shipper's price ({explanation.economics.priceSource === 'BUDGET' ? 'budget' : 'market estimate'})</dt>
        <dd>{money(explanation.economics.shipperPrice)}</dd>
        <dt>Carrier's extra cost ({explanation.economics.costSource === 'CARRIER_COST' ? 'own cost' : 'market estimate'})</dt>
        <dd>{money(explanation.economics.carrierIncrementalCost)}</dd>
        <dt>Surplus to share</dt>
        <dd>{money(explanation.economics.surplus)}</dd>
        <dt>Pickup</dt>
        <dd>
          {formatZoned(explanation.schedule.pickupAt)} ({explanation.schedule.pickupSlackMinutes} min to spare)
        </dd>
        <dt>Delivery</dt>
        <dd>
          {formatZoned(explanation.schedule.deliveryAt)} ({explanation.schedule.deliverySlackMinutes} min to spare)
        </dd>
      </dl>
      <OpenNegotiation match={match} />
      <h4>Drive plan</h4>
      <DrivePlan activities={explanation.drivePlan.activities} zone={planZone} legName={(legIndex) => LEG_NAMES[legIndex] ?? ''} />
    </article>
  );
}
