import { useEffect, useState } from 'preact/hooks';
import { api, call, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { BarChart } from '../collab/BarChart';
import { minorDigits } from '../collab/collabText';
import { money } from '../pages/laneText';
import { saveText } from '../ui/download';
import { Field, SelectField, type Values } from '../ui/fields';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';
import {
  chartFigures,
  co2eLines,
  deadheadText,
  defaultRange,
  lanePairText,
  oneDecimal,
  outcomesCsvFileName,
  periodLabel,
  ROLE_NAMES,
  surplusText,
  type Granularity,
  type OutcomeFigures,
  type RoleReport,
} from './outcomeText';

const FROM = '#/query/from';
const TO = '#/query/to';
const GRANULARITY = '#/query/granularity';
const PRINCIPAL = '#/query/partnerId';

type Report = Schemas['OutcomeReport'];

function query(values: Values) {
  const principal = values[PRINCIPAL] ?? '';
  return {
    from: values[FROM] ?? '',
    to: values[TO] ?? '',
    granularity: (values[GRANULARITY] || 'DAY') as Granularity,
    // A broker reads a principal's figures while the principal's delegation is in force.
    ...(principal ? { partnerId: principal } : {}),
  };
}

/**
 * What the exchange achieved for the signed-in partner (ADR 26): per role the totals, the series as a chart and a
 * table, the figures by counterparty and by lane pair (ADR 45), and the API's CSV. Counted on the UTC day of each
 * delivery.
 */
export function OutcomesPage({ partner }: { partner: Schemas['Partner'] }) {
  const range = defaultRange(new Date());
  const form = useApiForm({ [FROM]: range.from, [TO]: range.to, [GRANULARITY]: range.granularity, [PRINCIPAL]: '' }, [FROM, TO, GRANULARITY, PRINCIPAL]);
  const [report, setReport] = useState<Report | null>(null);
  const broker = partner.roles.includes('BROKER');
  // A broker's principals: those whose delegation to it is in force.
  const [principals, setPrincipals] = useState<string[]>([]);
  const [downloadProblem, setDownloadProblem] = useState<Problem | null>(null);

  async function load() {
    const answer = await form.submit(() => call(api.GET('/partners/me/outcomes', { params: { query: query(form.values) } })));
    if (answer) {
      // Asked without format=csv, the route answers JSON.
      setReport(answer as Report);
    }
  }

  useEffect(() => {
    void load();
    if (broker) {
      void call(api.GET('/partners/me/delegations')).then((outcome) => {
        if (outcome.ok) {
          setPrincipals(outcome.data.held.filter((delegation) => delegation.active).map((delegation) => delegation.principalPartnerId));
        }
      });
    }
  }, []);

  async function downloadCsv() {
    if (!report) {
      return;
    }
    setDownloadProblem(null);
    const asked = {
      from: report.from,
      to: report.to,
      granularity: report.granularity,
      ...(report.partnerId !== partner.partnerId ? { partnerId: report.partnerId } : {}),
    };
    const outcome = await call(api.GET('/partners/me/outcomes', { params: { query: { ...asked, format: 'csv' } }, parseAs: 'text' }));
    if (outcome.ok) {
      saveText(outcome.data as unknown as string, 'text/csv', outcomesCsvFileName(report.partnerId, asked.from, asked.to, asked.granularity));
    } else {
      setDownloadProblem(outcome.problem);
    }
  }

  return (
    <main id="main">
      <h1>Your outcomes</h1>
      <p>
        What the exchange achieved for you in delivered bookings: empty miles avoided, money earned or saved, and the CO₂e avoided, each figure
        with the emission factor set that produced it (ISO 14083 / GLEC). A delivery counts on the UTC day it was recorded.
      </p>
      <form
        ref={form.formRef}
        onSubmit={(event) => {
          event.preventDefault();
          void load();
        }}
        noValidate
        class="card"
        aria-label="Period"
      >
        <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
        {broker && (
          <SelectField
            pointer={PRINCIPAL}
            label="Whose figures"
            hint="Yours, or those of a partner whose delegation to you is in force."
            values={form.values}
            onInput={form.onInput}
            errors={form.fieldErrors}
            options={[{ value: '', label: 'Your own' }, ...principals.map((principal) => ({ value: principal, label: principal }))]}
          />
        )}
        <div class="columns">
          <DateField pointer={FROM} label="From (UTC day)" form={form} />
          <DateField pointer={TO} label="To (UTC day, included)" form={form} hint="At most 366 days in all." />
          <SelectField
            pointer={GRANULARITY}
            label="By"
            values={form.values}
            onInput={form.onInput}
            errors={form.fieldErrors}
            options={[
              { value: 'DAY', label: 'Day' },
              { value: 'WEEK', label: 'ISO week' },
              { value: 'MONTH', label: 'Month' },
            ]}
          />
        </div>
        <div class="actions">
          <button type="submit" disabled={form.submitting}>
            Show the figures
          </button>
          <button type="button" class="secondary" onClick={downloadCsv} disabled={!report}>
            Download CSV
          </button>
        </div>
      </form>
      <ProblemAlert problem={downloadProblem} />
      {report && report.partnerId !== partner.partnerId && (
        <p data-testid="outcomes-of">
          The figures of <code>{report.partnerId}</code>, who delegated to you.
        </p>
      )}
      {report &&
        (report.roles.length === 0 ? (
          <p>
            No delivered booking from {report.from} to {report.to}.
          </p>
        ) : (
          report.roles.map((role) => <RoleSection key={role.role} role={role} granularity={report.granularity} from={report.from} to={report.to} />)
        ))}
    </main>
  );
}

function DateField({ pointer, label, form, hint }: { pointer: string; label: string; form: ReturnType<typeof useApiForm>; hint?: string }) {
  return (
    <Field pointer={pointer} label={label} errors={form.fieldErrors.get(pointer)} hint={hint}>
      {(attributes) => (
        <input {...attributes} type="date" value={form.values[pointer] ?? ''} onInput={(event) => form.onInput(pointer, (event.currentTarget as HTMLInputElement).value)} />
      )}
    </Field>
  );
}

function RoleSection({ role, granularity, from, to }: { role: RoleReport; granularity: Granularity; from: string; to: string }) {
  const figures = chartFigures(role, minorDigits);
  const [charted, setCharted] = useState(figures[0]!.key);
  const figure = figures.find((candidate) => candidate.key === charted) ?? figures[0]!;
  const headingId = `role-${role.role}`;
  const chartPointer = `chart-${role.role}`;
  return (
    <section aria-labelledby={headingId} data-role={role.role}>
      <h2 id={headingId}>
        {ROLE_NAMES[role.role]}, {from} to {to}
      </h2>
      <Totals figures={role.totals} carrier={role.role === 'CARRIER'} />

      <h3>By {granularity === 'DAY' ? 'day' : granularity === 'WEEK' ? 'week' : 'month'}</h3>
      <SelectField
        pointer={chartPointer}
        label="Chart"
        values={{ [chartPointer]: figure.key }}
        onInput={(_, value) => setCharted(value)}
        errors={new Map()}
        options={figures.map(({ key, label }) => ({ value: key, label }))}
      />
      <BarChart
        title={`${figure.label} by ${granularity === 'DAY' ? 'day' : granularity === 'WEEK' ? 'ISO week' : 'month'}`}
        groups={role.series.map((period) => periodLabel(period.start, granularity))}
        series={[figure.label]}
        values={role.series.map((period) => [figure.value(period.figures)])}
        format={figure.format}
        unitLabel={figure.unit}
        groupHeading="Period"
      />

      <h3>By counterparty</h3>
      {role.byCounterparty.length === 0 ? (
        <p>No counterparty in this range.</p>
      ) : (
        <table class="lanes">
          <caption class="visually-hidden">{ROLE_NAMES[role.role]}: your figures with each counterparty</caption>
          <thead>
            <FigureHeadings first="Counterparty" carrier={role.role === 'CARRIER'} />
          </thead>
          <tbody>
            {role.byCounterparty.map(({ partnerId, figures: row }) => (
              <tr key={partnerId} data-counterparty={partnerId}>
                <th scope="row">
                  <code>{partnerId}</code>
                </th>
                <FigureCells row={row} carrier={role.role === 'CARRIER'} />
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>By lane pair</h3>
      {role.byLanePair.length === 0 && !role.lanePairNotRecorded ? (
        <p>No lane pair in this range.</p>
      ) : (
        <table class="lanes">
          <caption class="visually-hidden">
            {ROLE_NAMES[role.role]}: your figures on each lane pair, from the state or country of the load's origin to that of its destination
          </caption>
          <thead>
            <FigureHeadings first="Lane pair (origin → destination)" carrier={role.role === 'CARRIER'} />
          </thead>
          <tbody>
            {role.byLanePair.map((lanePair) => (
              <tr key={lanePairText(lanePair)} data-lane-pair={`${lanePair.origin}-${lanePair.destination}`}>
                <th scope="row">{lanePairText(lanePair)}</th>
                <FigureCells row={lanePair.figures} carrier={role.role === 'CARRIER'} />
              </tr>
            ))}
            {role.lanePairNotRecorded && (
              <tr data-lane-pair="not-recorded">
                <th scope="row">Delivered before lane pairs were counted</th>
                <FigureCells row={role.lanePairNotRecorded} carrier={role.role === 'CARRIER'} />
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}

function FigureHeadings({ first, carrier }: { first: string; carrier: boolean }) {
  return (
    <tr>
      <th scope="col">{first}</th>
      <th scope="col" class="number">
        Bookings
      </th>
      <th scope="col" class="number">
        Loaded miles
      </th>
      {carrier && (
        <th scope="col" class="number">
          Empty miles avoided
        </th>
      )}
      <th scope="col">Money</th>
      <th scope="col">CO₂e avoided</th>
    </tr>
  );
}

/** A breakdown row's figures, in the columns of {@link FigureHeadings}. */
function FigureCells({ row, carrier }: { row: OutcomeFigures; carrier: boolean }) {
  return (
    <>
      <td class="number">{row.bookings}</td>
      <td class="number">{oneDecimal(row.loadedMiles)}</td>
      {carrier && <td class="number">{oneDecimal(row.emptyMilesAvoided)}</td>}
      <td>{surplusText(row, money)}</td>
      <td>{co2eLines(row.co2eAvoided).join('; ') || '—'}</td>
    </>
  );
}

function Totals({ figures, carrier }: { figures: OutcomeFigures; carrier: boolean }) {
  const co2e = co2eLines(figures.co2eAvoided);
  return (
    <dl class="explanation" data-testid="outcome-totals">
      <dt>Bookings delivered</dt>
      <dd>
        {figures.bookings} ({figures.loadsMoved} {figures.loadsMoved === 1 ? 'load' : 'loads'} moved)
      </dd>
      <dt>Loaded miles</dt>
      <dd>{oneDecimal(figures.loadedMiles)}</dd>
      {carrier && (
        <>
          <dt>Empty miles driven</dt>
          <dd>
            {oneDecimal(figures.emptyMilesDriven)}, against {oneDecimal(figures.baselineEmptyMiles)} running home empty
          </dd>
          <dt>Empty miles avoided</dt>
          <dd data-testid="empty-miles-avoided">{oneDecimal(figures.emptyMilesAvoided)}</dd>
          <dt>Deadhead share</dt>
          <dd data-testid="deadhead-share">{deadheadText(figures)}</dd>
        </>
      )}
      <dt>Money</dt>
      <dd data-testid="outcome-money">{surplusText(figures, money)}</dd>
      <dt>CO₂e avoided</dt>
      <dd data-testid="outcome-co2e">
        {co2e.length === 0 ? '—' : co2e.map((line) => <span key={line} class="line">{line}</span>)}
      </dd>
    </dl>
  );
}
