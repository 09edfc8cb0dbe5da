import { useEffect, useState } from 'preact/hooks';
import { api, call, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { BarChart } from '../collab/BarChart';
import { formatInstant } from '../deals/dealText';
import { money } from '../pages/laneText';
import { saveText } from '../ui/download';
import { Field, type Values } from '../ui/fields';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';
import {
  co2eText,
  duration,
  figuresByWeek,
  milesText,
  moneyList,
  networkCsvFileName,
  percent,
  recentWeeks,
  regionLabel,
  weeksBetween,
  type NetworkFigures,
  type PlanAgainstBooked,
} from './operatorText';

const FROM = '#/query/from';
const TO = '#/query/to';
const REGION = '#/query/region';
const DEFAULT_WEEKS = 8;

type Report = Schemas['NetworkFiguresReport'];

function query(values: Values) {
  const region = values[REGION] ?? '';
  return { from: values[FROM] ?? '', to: values[TO] ?? '', ...(region ? { region } : {}) };
}

/**
 * The network's figures per ISO week (ADR 41): a week and region picker, the empty-mile share before and after as a
 * chart, the figures by week and by region as tables, the optimiser's plan against the booked by week (ADR 48), and
 * the API's CSV.
 */
export function NetworkFiguresPage() {
  const weeks = recentWeeks(new Date(), DEFAULT_WEEKS);
  const form = useApiForm({ [FROM]: weeks.from, [TO]: weeks.to, [REGION]: '' }, [FROM, TO, REGION]);
  const [report, setReport] = useState<Report | null>(null);
  const [shown, setShown] = useState<ReturnType<typeof query> | null>(null);
  // The regions the answers named so far (no route lists them): the picker's choices.
  const [knownRegions, setKnownRegions] = useState<string[]>([]);
  const [downloadProblem, setDownloadProblem] = useState<Problem | null>(null);

  async function load() {
    const asked = query(form.values);
    const answer = await form.submit(() => call(api.GET('/operator/network/figures', { params: { query: asked } })));
    if (answer) {
      // Asked without format=csv, the route answers JSON.
      const figures = answer as Report;
      setReport(figures);
      setShown(asked);
      setKnownRegions((known) => [...new Set([...known, ...figures.regions.map((region) => region.region)])].sort());
    }
  }

  useEffect(() => {
    void load();
  }, []);

  async function downloadCsv() {
    if (!shown) {
      return;
    }
    setDownloadProblem(null);
    const outcome = await call(api.GET('/operator/network/figures', { params: { query: { ...shown, format: 'csv' } }, parseAs: 'text' }));
    if (outcome.ok) {
      saveText(outcome.data as unknown as string, 'text/csv', networkCsvFileName(shown.from, shown.to, shown.region));
    } else {
      setDownloadProblem(outcome.problem);
    }
  }

  const byWeek = report ? figuresByWeek(report) : [];
  // The chart has every week of the range, a week without deliveries a gap; the table has the weeks with figures.
  const chartWeeks = report ? weeksBetween(report.from, report.to) : [];
  return (
    <main id="main">
      <h1>Network figures</h1>
      <p>
        The whole network per matching region and ISO week (UTC), from counters kept as lanes are posted and matched and bookings made and delivered.
        Ratios come from the summed counters: the empty-mile share before is the trucks' runs home empty against their loaded miles, after is the
        empty miles they drove with the exchange.
      </p>
      <form
        ref={form.formRef}
        onSubmit={(event) => {
          event.preventDefault();
          void load();
        }}
        noValidate
        class="card"
        aria-label="Weeks and region"
      >
        <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
        <div class="columns">
          <WeekField pointer={FROM} label="From week" form={form} />
          <WeekField pointer={TO} label="To week" form={form} />
          <Field pointer={REGION} label="Region" errors={form.fieldErrors.get(REGION)} hint="All regions, or one the figures named.">
            {(attributes) => (
              <select {...attributes} value={form.values[REGION] ?? ''} onChange={(event) => form.onInput(REGION, (event.currentTarget as HTMLSelectElement).value)}>
                <option value="">All regions</option>
                {knownRegions.map((region) => (
                  <option key={region} value={region}>
                    {regionLabel(region)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div class="actions">
          <button type="submit" disabled={form.submitting}>
            Show the figures
          </button>
          <button type="button" class="secondary" onClick={downloadCsv} disabled={!shown}>
            Download CSV
          </button>
        </div>
      </form>
      <ProblemAlert problem={downloadProblem} />
      {report && shown && (
        <>
          <h2>
            {shown.region ? `Region ${regionLabel(shown.region)}` : 'All regions'}, {report.from} to {report.to}
          </h2>
          <Summary figures={report.total} />
          {byWeek.length === 0 ? (
            <p>Nothing was posted, booked or delivered in these weeks{shown.region ? ' in this region' : ''}.</p>
          ) : (
            <>
              <h2>Empty-mile share by week</h2>
              <BarChart
                title="Empty-mile share before and after, by week"
                groups={chartWeeks}
                series={['Before (runs home empty)', 'After (with the exchange)']}
                values={chartWeeks.map((week) => {
                  const figures = byWeek.find((row) => row.week === week)?.figures;
                  return [shareInPercent(figures?.emptyMileShareBefore ?? null), shareInPercent(figures?.emptyMileShareAfter ?? null)];
                })}
                format={(value) => `${value.toFixed(1)}%`}
                unitLabel="% of truck miles"
                groupHeading="Week"
              />
              <WeekTable rows={byWeek} total={report.total} summed={!shown.region && report.regions.length > 1} />
              <PlanTable rows={byWeek} total={report.total} />
            </>
          )}
          {report.regions.length > 1 && <RegionTable report={report} />}
          {report.regions.length === 1 && report.regions[0]!.optimiserPlan && <PlanAgainstDelivered plan={report.regions[0]!.optimiserPlan} />}
        </>
      )}
    </main>
  );
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

function shareInPercent(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}

function WeekField({ pointer, label, form }: { pointer: string; label: string; form: ReturnType<typeof useApiForm> }) {
  return (
    <Field pointer={pointer} label={label} errors={form.fieldErrors.get(pointer)} hint="An ISO week, e.g. 2026-W49.">
      {(attributes) => (
        <input
          {...attributes}
          // Chromium offers a week picker; elsewhere it is a text field taking "2026-W49", the API's own format.
          type="week"
          value={form.values[pointer] ?? ''}
          onInput={(event) => form.onInput(pointer, (event.currentTarget as HTMLInputElement).value)}
        />
      )}
    </Field>
  );
}

function Summary({ figures }: { figures: NetworkFigures }) {
  return (
    <dl class="explanation" data-testid="network-total">
      <dt>Lanes posted</dt>
      <dd>
        {count(figures.capacityLanesPosted, 'truck')}, {count(figures.loadLanesPosted, 'load')}; {percent(figures.matchRate)} matched, after {duration(figures.meanSecondsToFirstMatch)} on average
      </dd>
      <dt>Bookings</dt>
      <dd>
        {figures.bookings} ({percent(figures.bookingConversion)} of matched lanes), {figures.deliveries} delivered
      </dd>
      <dt>Empty-mile share</dt>
      <dd>
        {percent(figures.emptyMileShareBefore)} before, {percent(figures.emptyMileShareAfter)} after
      </dd>
      <dt>Empty miles avoided</dt>
      <dd>{milesText(figures.emptyMilesAvoided)}</dd>
      <dt>Surplus delivered</dt>
      <dd>{moneyList(figures.surplus, money)}</dd>
      <dt>CO₂e avoided, well-to-wheel</dt>
      <dd>{co2eText(figures.co2eAvoided)}</dd>
      <dt>Distinct partners</dt>
      <dd>{figures.distinctPartners}</dd>
    </dl>
  );
}

function WeekTable({ rows, total, summed }: { rows: { week: string; figures: NetworkFigures }[]; total: NetworkFigures; summed: boolean }) {
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label="Figures by week, scrollable">
      <table class="lanes network-weeks">
        <caption>
          Figures by week with any activity{summed ? ', summed over the regions (ratios from the summed counters)' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Week</th>
            <th scope="col" class="number">Lanes posted</th>
            <th scope="col" class="number">Match rate</th>
            <th scope="col" class="number">Time to first match</th>
            <th scope="col" class="number">Bookings</th>
            <th scope="col" class="number">Conversion</th>
            <th scope="col" class="number">Deliveries</th>
            <th scope="col" class="number">Empty share before</th>
            <th scope="col" class="number">Empty share after</th>
            <th scope="col" class="number">Empty miles avoided</th>
            <th scope="col">Surplus</th>
            <th scope="col">CO₂e avoided</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ week, figures }) => (
            <WeekRow key={week} label={week} figures={figures} />
          ))}
          <WeekRow label="Total" figures={total} total />
        </tbody>
      </table>
    </div>
  );
}

function WeekRow({ label, figures, total = false }: { label: string; figures: NetworkFigures; total?: boolean }) {
  return (
    <tr class={total ? 'total' : undefined} data-week={label}>
      <th scope="row">{label}</th>
      <td class="number">{figures.capacityLanesPosted + figures.loadLanesPosted}</td>
      <td class="number">{percent(figures.matchRate)}</td>
      <td class="number">{duration(figures.meanSecondsToFirstMatch)}</td>
      <td class="number">{figures.bookings}</td>
      <td class="number">{percent(figures.bookingConversion)}</td>
      <td class="number">{figures.deliveries}</td>
      <td class="number">{percent(figures.emptyMileShareBefore)}</td>
      <td class="number">{percent(figures.emptyMileShareAfter)}</td>
      <td class="number">{milesText(figures.emptyMilesAvoided)}</td>
      <td>{moneyList(figures.surplus, money)}</td>
      <td>{co2eText(figures.co2eAvoided)}</td>
    </tr>
  );
}

/**
 * The batch optimiser's plans of each week against what was booked and delivered (ADR 48): the options the week's
 * plans recommended (each once), the bookings of recommended options, the shares, and the delivered beside the planned.
 */
function PlanTable({ rows, total }: { rows: { week: string; figures: NetworkFigures }[]; total: NetworkFigures }) {
  return (
    <>
      <h2>The optimiser's plan against the booked, by week</h2>
      <p>
        An option (a pair or a reload package) counts once, in the week a plan first recommended it; a booking follows the plan when its match or
        package carried the recommendation when it was booked.
      </p>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Plan against booked by week, scrollable">
        <table class="lanes network-plan">
          <caption>The optimiser's plan against the booked, by week</caption>
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col" class="number">Plans</th>
              <th scope="col" class="number">Options recommended</th>
              <th scope="col" class="number">Loads planned</th>
              <th scope="col" class="number">Empty miles avoided, planned</th>
              <th scope="col">Surplus planned</th>
              <th scope="col" class="number">Bookings</th>
              <th scope="col" class="number">Recommended options booked</th>
              <th scope="col" class="number">Share of the plan booked</th>
              <th scope="col" class="number">Bookings that followed the plan</th>
              <th scope="col">Surplus booked of the plan</th>
              <th scope="col" class="number">Empty miles avoided, delivered</th>
              <th scope="col">Surplus delivered</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ week, figures }) => (
              <PlanRow key={week} label={week} plan={figures.planAgainstBooked} />
            ))}
            <PlanRow label="Total" plan={total.planAgainstBooked} total />
          </tbody>
        </table>
      </div>
    </>
  );
}

function PlanRow({ label, plan, total = false }: { label: string; plan: PlanAgainstBooked; total?: boolean }) {
  return (
    <tr class={total ? 'total' : undefined} data-plan-week={label}>
      <th scope="row">{label}</th>
      <td class="number">{plan.plansStored}</td>
      <td class="number">
        {plan.optionsRecommended} ({count(plan.pairsRecommended, 'pair')}, {count(plan.packagesRecommended, 'package')})
      </td>
      <td class="number">{plan.loadsRecommended}</td>
      <td class="number">{milesText(plan.plannedEmptyMilesAvoided)}</td>
      <td>{moneyList(plan.plannedSurplus, money)}</td>
      <td class="number">{plan.bookings}</td>
      <td class="number">{plan.recommendedOptionsBooked}</td>
      <td class="number">{percent(plan.shareOfPlanBooked)}</td>
      <td class="number">{percent(plan.shareOfBookingsFollowingPlan)}</td>
      <td>{moneyList(plan.bookedSurplusOfPlan, money)}</td>
      <td class="number">{milesText(plan.deliveredEmptyMilesAvoided)}</td>
      <td>{moneyList(plan.deliveredSurplus, money)}</td>
    </tr>
  );
}

function RegionTable({ report }: { report: Report }) {
  return (
    <>
      <h2>By region</h2>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Figures by region, scrollable">
        <table class="lanes">
          <caption class="visually-hidden">Each region's figures over the weeks</caption>
          <thead>
            <tr>
              <th scope="col">Region</th>
              <th scope="col" class="number">Lanes posted</th>
              <th scope="col" class="number">Deliveries</th>
              <th scope="col" class="number">Empty share before</th>
              <th scope="col" class="number">Empty share after</th>
              <th scope="col" class="number">Empty miles avoided</th>
              <th scope="col">Surplus delivered</th>
              <th scope="col">Optimiser's latest plan</th>
            </tr>
          </thead>
          <tbody>
            {report.regions.map(({ region, total, optimiserPlan }) => (
              <tr key={region} data-region={region}>
                <th scope="row">{regionLabel(region)}</th>
                <td class="number">{total.capacityLanesPosted + total.loadLanesPosted}</td>
                <td class="number">{total.deliveries}</td>
                <td class="number">{percent(total.emptyMileShareBefore)}</td>
                <td class="number">{percent(total.emptyMileShareAfter)}</td>
                <td class="number">{milesText(total.emptyMilesAvoided)}</td>
                <td>{moneyList(total.surplus, money)}</td>
                <td>{optimiserPlan ? `${moneyList(optimiserPlan.planSurplus, money)} planned ${formatInstant(optimiserPlan.computedAt)}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function PlanAgainstDelivered({ plan }: { plan: NonNullable<Report['regions'][number]['optimiserPlan']> }) {
  return (
    <p data-testid="plan-against-delivered">
      The optimiser's latest plan for this region ({formatInstant(plan.computedAt)}) selected a surplus of {moneyList(plan.planSurplus, money)}; the
      bookings delivered in these weeks realised {moneyList(plan.deliveredSurplus, money)}.
    </p>
  );
}
