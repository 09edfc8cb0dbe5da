import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, call, type Schemas } from '../api/client';
import { formatInstant } from '../deals/dealText';
import { money } from '../pages/laneText';
import { TextField } from '../ui/fields';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';
import { METHOD_NAMES, moneyList, packageGain, percent, regionLabel, regionsAsTyped } from './operatorText';

type Plan = Schemas['OptimisationPlan'];

const REGIONS = '/regions';

/** Seconds since `since` while it is set, renewed every second: the optimiser's progress. */
function useElapsedSeconds(since: number | null): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (since === null) {
      return;
    }
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [since]);
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}

/**
 * Runs the batch optimiser now (it also runs every hour, ADR 12 and 39) and shows each region's plan as the
 * operator reads it: what was selected, its total surplus against the proven bound, and what pairs alone and
 * greedy pairing would have reached.
 */
export function Optimiser() {
  const form = useApiForm({ [REGIONS]: '' }, [REGIONS]);
  const [result, setResult] = useState<Schemas['OptimisationResult'] | null>(null);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const elapsed = useElapsedSeconds(startedAt);

  async function run(event: Event) {
    event.preventDefault();
    setResult(null);
    setStartedAt(Date.now());
    const regions = regionsAsTyped(form.values[REGIONS] ?? '');
    const optimised = await form.submit(() =>
      call(api.POST('/operator/matching/optimise', regions ? { body: { regions } } : {})),
    );
    setStartedAt(null);
    setResult(optimised);
  }

  return (
    <main id="main">
      <h1>Batch optimiser</h1>
      <p>
        For each matching region, the optimiser selects the pairs and reload packages with the largest total surplus over the open lanes, each truck
        and each load at most once. The selected pairs become recommendations for both parties, the packages for their carrier. It runs every hour
        by itself; here you run it now.
      </p>
      <form ref={form.formRef} onSubmit={run} noValidate class="card narrow" aria-label="Run the optimiser">
        <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
        <TextField
          pointer={REGIONS}
          label="Regions (optional)"
          hint="Matching regions as 2-character geohash cells, separated by commas or spaces, run in this order (e.g. 9v for Dallas, dp for Chicago). Empty: every region."
          values={form.values}
          onInput={form.onInput}
          errors={form.fieldErrors}
        />
        <button type="submit" disabled={form.submitting}>
          {form.submitting ? 'Running…' : 'Run the optimiser'}
        </button>
      </form>
      <p role="status" class="notice-status" data-testid="optimiser-progress">
        {startedAt !== null ? `The optimiser is running: ${elapsed} s so far. An exact solve may take up to 10 s per region.` : ''}
        {result ? `Done: ${result.regionsOptimised} ${result.regionsOptimised === 1 ? 'region' : 'regions'} optimised, ${result.plans.length} with open lanes.` : ''}
      </p>
      {result && result.plans.length === 0 && <p>No region had open lanes: there was nothing to select.</p>}
      {result?.plans.map((plan) => <PlanView key={plan.region} plan={plan} />)}
    </main>
  );
}

function PlanView({ plan }: { plan: Plan }) {
  const headingId = `plan-${plan.region}`;
  const gain = packageGain(plan);
  return (
    <article class="card plan" aria-labelledby={headingId}>
      <h2 id={headingId}>Region {regionLabel(plan.region)}</h2>
      <p>
        Computed {formatInstant(plan.computedAt)} over {plan.trucks} open {plan.trucks === 1 ? 'truck' : 'trucks'} and {plan.loads} open{' '}
        {plan.loads === 1 ? 'load' : 'loads'}: {plan.feasiblePairs} feasible of {plan.candidatePairs} candidate pairs, and {plan.packageOptions}{' '}
        {plan.packageOptions === 1 ? 'package' : 'packages'} still feasible.
      </p>
      <dl class="explanation">
        <dt>Selected</dt>
        <dd data-testid="plan-selected">
          {plan.recommendedMatchIds.length} {plan.recommendedMatchIds.length === 1 ? 'pair' : 'pairs'} and {plan.recommendedPackageIds.length}{' '}
          {plan.recommendedPackageIds.length === 1 ? 'package' : 'packages'}
        </dd>
        <dt>Total surplus</dt>
        <dd data-testid="plan-total">{moneyList(plan.totalSurplus, money)}</dd>
        {plan.selections.map((selection) => (
          <Fragment key={selection.surplus.currency}>
            <dt>Bound and gap ({selection.surplus.currency})</dt>
            <dd data-testid="plan-gap">
              {money(selection.surplus)} against a proven upper bound of {money(selection.upperBound)}: a gap of {percent(selection.gap)},{' '}
              {METHOD_NAMES[selection.method]}.
            </dd>
          </Fragment>
        ))}
        <dt>Pairs only</dt>
        <dd data-testid="plan-pairs-only">
          {moneyList(plan.pairsOnlySurplus, money)}, the best selection of pairs alone; packages gained {moneyList(gain, money)}.
        </dd>
        <dt>Greedy pairing</dt>
        <dd>{moneyList(plan.greedySurplus, money)}, what first-come pairing reaches on the same pairs.</dd>
      </dl>
      {plan.recommendedPackageIds.length > 0 && (
        <>
          <h3>Recommended packages</h3>
          <ul class="ids">
            {plan.recommendedPackageIds.map((id) => (
              <li key={id}>
                <code>{id}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.recommendedMatchIds.length > 0 && (
        <>
          <h3>Recommended pairs (matches)</h3>
          <ul class="ids">
            {plan.recommendedMatchIds.map((id) => (
              <li key={id}>
                <code>{id}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
