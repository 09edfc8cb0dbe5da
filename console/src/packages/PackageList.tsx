import type { Schemas } from '../api/client';
import { miles, money } from '../pages/laneText';
import { chainRoute, loadNumber } from './chain';

/**
 * A truck's reload packages (chains of 2 or 3 loads that take it home, ADR 25), best first, beside its single-load
 * matches: each with its route, what it avoids against the best load alone, its surplus, whether the optimiser
 * recommends it, a button that highlights it on the map and a link to its explanation.
 */
export function PackageList({ packages, selectedPackageId, onSelect }: {
  packages: Schemas['LanePackages'];
  selectedPackageId: string | undefined;
  onSelect: (packageId: string | undefined) => void;
}) {
  const { search } = packages;
  return (
    <section aria-labelledby="packages-heading">
      <h2 id="packages-heading">Reload packages</h2>
      <p role="status">
        {search.status === 'PENDING'
          ? 'The package search is running for this truck…'
          : search.status === 'SKIPPED'
            ? 'No package search ran: the truck was booked, withdrawn or expired first.'
            : `The package search read ${search.candidatesRead ?? 0} candidate loads and evaluated ${search.chainsEvaluated ?? 0} chains: ${packages.items.length} package(s) of 2 or 3 loads.`}
      </p>
      {packages.items.map((pkg, index) => {
        const headingId = `package-${pkg.packageId}`;
        const selected = pkg.packageId === selectedPackageId;
        return (
          <article key={pkg.packageId} class="card package-card" aria-labelledby={headingId} aria-current={selected ? 'true' : undefined} data-package-id={pkg.packageId}>
            <h3 id={headingId}>
              Package {index + 1}: {pkg.legs.length} loads, {miles(pkg.explanation.emptyMilesAvoided)} of empty driving avoided
            </h3>
            {pkg.recommendation && <p class="recommended">Recommended by the optimiser for region {pkg.recommendation.region}</p>}
            <p>{chainRoute(pkg)}{pkg.roundTrip ? ' (a round trip)' : ''}</p>
            <dl class="explanation">
              <dt>Best single load would avoid</dt>
              <dd>{miles(pkg.explanation.bestSingleLoadEmptyMilesAvoided)}</dd>
              <dt>Empty miles in the chain</dt>
              <dd>{miles(pkg.explanation.totalDeadheadMiles)} of {miles(pkg.explanation.totalDeadheadMiles + pkg.explanation.loadedMiles)}</dd>
              <dt>Surplus to share</dt>
              <dd>{money(pkg.explanation.economics?.surplus)}</dd>
              <dt>Loads</dt>
              <dd>
                {pkg.legs.map((leg) => `load ${loadNumber(leg.loadIndex)}: ${miles(leg.loadedMiles)} loaded`).join(', ')}
              </dd>
            </dl>
            <div class="actions">
              <button type="button" class="secondary" aria-pressed={selected} onClick={() => onSelect(selected ? undefined : pkg.packageId)}>
                Highlight package {index + 1} on the map
              </button>
              <a class="button-link" href={`#/packages/${pkg.packageId}`}>
                Explain and offer package {index + 1}
              </a>
            </div>
          </article>
        );
      })}
      {packages.nearestRejected.length > 0 && (
        <>
          <h3>Nearest chains that were not offered</h3>
          <ul class="rejections">
            {packages.nearestRejected.map((rejected, index) => (
              <li key={index}>
                {rejected.legs.length} loads, {miles(rejected.totalDeadheadMiles)} empty:{' '}
                {rejected.reasons.map((reason) => reason.detail).join(' ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
