import { useEffect, useState } from 'preact/hooks';
import { api, call, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { formatInstant } from '../deals/dealText';
import { ProblemAlert } from '../ui/ProblemAlert';
import { BarChart } from './BarChart';
import { joinNames, minorDigits, minorUnits, partnerLabel, statementFileName } from './collabText';

/** A member's statement of one settled period: its ledger lines as a table, every member's result as a chart, CSV. */
export function StatementPage({ collaborationId, periodIndex }: { collaborationId: string; periodIndex: number }) {
  const [statement, setStatement] = useState<Schemas['PeriodStatement'] | null>(null);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [downloadProblem, setDownloadProblem] = useState<Problem | null>(null);
  const path = { collaborationId, periodIndex: String(periodIndex) };

  useEffect(() => {
    void call(api.GET('/collaborations/{collaborationId}/periods/{periodIndex}/statement', { params: { path } })).then((outcome) =>
      // The route answers JSON or CSV; asked without format=csv, it is JSON.
      outcome.ok ? setStatement(outcome.data as Schemas['PeriodStatement']) : setProblem(outcome.problem),
    );
    void call(api.GET('/collaborations/{collaborationId}', { params: { path: { collaborationId } } })).then((outcome) => {
      if (outcome.ok) {
        setName(outcome.data.name);
      }
    });
  }, [collaborationId, periodIndex]);

  /** The API's own CSV (format=csv), saved under a name that says what it is. */
  async function downloadCsv() {
    setDownloadProblem(null);
    const outcome = await call(
      api.GET('/collaborations/{collaborationId}/periods/{periodIndex}/statement', {
        params: { path, query: { format: 'csv' } },
        parseAs: 'text',
      }),
    );
    if (!outcome.ok) {
      setDownloadProblem(outcome.problem);
      return;
    }
    const url = URL.createObjectURL(new Blob([outcome.data as unknown as string], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = statementFileName(name || collaborationId, periodIndex, statement?.member ?? 'member');
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const heading = `Statement, period ${periodIndex}${name ? ` of ${name}` : ''}`;
  if (!statement) {
    return (
      <main id="main">
        <h1>{heading}</h1>
        <ProblemAlert problem={problem} />
        {!problem && <p>Loading the statement…</p>}
        <p>
          <a href={`#/collaborations/${collaborationId}`}>Back to the collaboration</a>
        </p>
      </main>
    );
  }

  const cash = (value: number) => minorUnits(value, statement.currency);
  const lines: [string, number, string][] = [
    ['Realised gain', statement.realisedGain, 'What your own bookings earned or saved in the period.'],
    ['Fair share', statement.fairShare, `What the rule (${statement.rule}) gives you of the pool.`],
    ['Pool transfer', statement.transfer, 'Paid to you (positive) or by you (negative) to move you towards your fair share.'],
    ['Risk loss', statement.riskLoss, 'Risk costs (truck ordered not used, dry runs) that fell on you.'],
    ['Risk recovery', statement.riskRecovery, 'What the others paid you back for them.'],
    ['Risk charge', statement.riskCharge, 'Your part of the others’ risk costs.'],
    ['Final result', statement.finalResult, 'The sum of your ledger lines.'],
  ];
  const members = statement.memberFinals.map((member) => partnerLabel(member.member, statement.member));
  const emissions = statement.emissions;
  const emissionsByMember = new Map(emissions?.memberShares.map((share) => [share.member, share.shareKgCo2e]) ?? []);

  return (
    <main id="main">
      <h1>{heading}</h1>
      <p>
        From {formatInstant(statement.startsAt)} to {formatInstant(statement.endsAt)}, agreement version {statement.agreementVersion}, rule{' '}
        {statement.rule}, amounts in {statement.currency}.
      </p>
      <div class="actions">
        <button type="button" onClick={downloadCsv}>
          Download CSV
        </button>
      </div>
      <ProblemAlert problem={downloadProblem} />

      <h2>Your ledger</h2>
      <table class="lanes statement">
        <caption class="visually-hidden">Your statement's lines</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col" class="number">
              Amount
            </th>
            <th scope="col">What it is</th>
          </tr>
        </thead>
        <tbody>
          {lines.map(([label, value, meaning]) => (
            <tr key={label} class={label === 'Final result' ? 'total' : undefined}>
              <th scope="row">{label}</th>
              <td class="number">{cash(value)}</td>
              <td>{meaning}</td>
            </tr>
          ))}
          {emissions?.shareKgCo2e !== undefined && (
            <tr>
              <th scope="row">CO₂e share</th>
              <td class="number">{emissions.shareKgCo2e.toLocaleString('en-US', { maximumFractionDigits: 3 })} kg</td>
              <td>Your share of the CO₂e the period's bookings avoided ({emissions.scope.toLowerCase().replace(/_/g, '-')}, {emissions.emissionsMethod.factorSet} {emissions.emissionsMethod.version}), by the same rule.</td>
            </tr>
          )}
        </tbody>
      </table>
      <p>
        The collaboration realised {cash(statement.totals.realisedTotal)} with risk costs of {cash(statement.totals.riskCostTotal)}, a final total of{' '}
        {cash(statement.totals.finalTotal)}.{' '}
        {statement.totals.stable
          ? 'The split was stable: no group of members would have done better on its own.'
          : `The split was not stable: ${statement.totals.blockingCount} ${statement.totals.blockingCount === 1 ? 'group of members' : 'groups of members'} would have done better on ${statement.totals.blockingCount === 1 ? 'its' : 'their'} own.`}
      </p>

      <h2>Every member's final result</h2>
      <BarChart
        title="Final result per member"
        groups={members}
        series={['Final result']}
        values={statement.memberFinals.map((member) => [member.finalResult / 10 ** minorDigits(statement.currency)])}
        format={(value) => minorUnits(Math.round(value * 10 ** minorDigits(statement.currency)), statement.currency)}
        unitLabel={statement.currency}
      />
      {emissions && emissions.status === 'ALLOCATED' && (
        <>
          <h2>CO₂e avoided, shared by the same rule</h2>
          <table class="lanes">
            <caption class="visually-hidden">Each member's share of the CO₂e avoided</caption>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col" class="number">
                  Share, kg CO₂e
                </th>
              </tr>
            </thead>
            <tbody>
              {statement.memberFinals.map((member) => (
                <tr key={member.member}>
                  <th scope="row">{partnerLabel(member.member, statement.member)}</th>
                  <td class="number">{emissionsByMember.get(member.member)?.toLocaleString('en-US', { maximumFractionDigits: 3 }) ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {emissions.coreCheck && !emissions.coreCheck.stable && (
            <ul>
              {emissions.coreCheck.blocking.map((coalition) => (
                <li key={coalition.members.join()}>
                  {joinNames(coalition.members.map((member) => partnerLabel(member, statement.member)))} could have avoided{' '}
                  {coalition.gapKgCo2e.toLocaleString('en-US', { maximumFractionDigits: 3 })} kg CO₂e more on their own than they are credited with.
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {emissions && emissions.status === 'NOT_ALLOCATED' && <p>The CO₂e avoided was not shared: {emissions.detail}</p>}

      {statement.bookings.length > 0 && (
        <>
          <h2>Your bookings</h2>
          <table class="lanes">
            <thead>
              <tr>
                <th scope="col">Booking</th>
                <th scope="col">Role</th>
                <th scope="col" class="number">
                  Realised gain
                </th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {statement.bookings.map((booking) => (
                <tr key={booking.bookingId}>
                  <td>
                    <a href={`#/bookings/${booking.bookingId}`}>{booking.bookingId}</a>
                  </td>
                  <td>{booking.role.toLowerCase()}</td>
                  <td class="number">{cash(booking.realisedGain)}</td>
                  <td>{booking.adjustment ? `from period ${booking.originalPeriod}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {statement.riskEvents.length > 0 && (
        <>
          <h2>Risk events</h2>
          <table class="lanes">
            <thead>
              <tr>
                <th scope="col">Booking</th>
                <th scope="col">Kind</th>
                <th scope="col" class="number">Cost</th>
                <th scope="col" class="number">Loss</th>
                <th scope="col" class="number">Recovery</th>
                <th scope="col" class="number">Charge</th>
              </tr>
            </thead>
            <tbody>
              {statement.riskEvents.map((event) => (
                <tr key={`${event.bookingId}-${event.kind}`}>
                  <td>{event.bookingId}</td>
                  <td>{event.kind === 'TONU' ? 'Truck ordered not used' : 'Dry run'}</td>
                  <td class="number">{cash(event.cost)}</td>
                  <td class="number">{cash(event.loss)}</td>
                  <td class="number">{cash(event.recovery)}</td>
                  <td class="number">{cash(event.charge)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p>
        <a href={`#/collaborations/${collaborationId}`}>Back to the collaboration</a>
      </p>
    </main>
  );
}
