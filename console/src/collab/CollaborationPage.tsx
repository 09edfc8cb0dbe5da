import { useEffect, useState } from 'preact/hooks';
import { api, call, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { formatInstant } from '../deals/dealText';
import { money } from '../pages/laneText';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';
import { AgreementFields, agreementPointers, agreementTerms, agreementValues } from './AgreementFields';
import { basisPoints, MEMBER_STATUS_NAMES, partnerLabel, RULE_NAMES, riskTermsText } from './collabText';
import { currentAgreement, yourStatus } from './Collaborations';

/** One collaboration: its members, agreement history, periods with their statements and its figures. */
export function CollaborationPage({ collaborationId }: { collaborationId: string }) {
  const [collaboration, setCollaboration] = useState<Schemas['Collaboration'] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [actionProblem, setActionProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState('');
  const [changing, setChanging] = useState(false);

  async function load() {
    const outcome = await call(api.GET('/collaborations/{collaborationId}', { params: { path: { collaborationId } } }));
    if (outcome.ok) {
      setProblem(null);
      setCollaboration(outcome.data);
    } else {
      setProblem(outcome.problem);
    }
  }

  useEffect(() => {
    void load();
  }, [collaborationId]);

  async function act(action: 'accept' | 'decline' | 'leave') {
    setActionProblem(null);
    setNotice('');
    const params = { params: { path: { collaborationId } } };
    const outcome = await call(
      action === 'accept'
        ? api.POST('/collaborations/{collaborationId}/invitations/accept', params)
        : action === 'decline'
          ? api.POST('/collaborations/{collaborationId}/invitations/decline', params)
          : api.POST('/collaborations/{collaborationId}/leave', params),
    );
    if (outcome.ok) {
      setCollaboration(outcome.data);
      setNotice(action === 'accept' ? 'Invitation accepted.' : action === 'decline' ? 'Invitation declined.' : 'You leave at the end of this period.');
    } else {
      setActionProblem(outcome.problem);
    }
  }

  if (!collaboration) {
    return (
      <main id="main">
        <h1>Collaboration</h1>
        <ProblemAlert problem={problem} />
        {!problem && <p>Loading the collaboration…</p>}
        <p>
          <a href="#/collaborations">Back to your collaborations</a>
        </p>
      </main>
    );
  }

  const you = collaboration.you.partnerId;
  const agreement = currentAgreement(collaboration);
  const tookPart = collaboration.you.organiser || collaboration.you.memberStatus === 'ACTIVE' || collaboration.you.memberStatus === 'LEFT';
  const players = collaboration.members.filter((member) => member.status === 'ACTIVE' || member.status === 'INVITED').map((member) => member.partnerId);
  const lastPeriod = collaboration.currentPeriod ? collaboration.currentPeriod.index - 1 : -1;
  const periods = Array.from({ length: Math.max(0, lastPeriod + 1) }, (_, index) => lastPeriod - index).slice(0, 24);

  return (
    <main id="main">
      <h1>{collaboration.name}</h1>
      <p>
        You: <strong data-testid="your-status">{yourStatus(collaboration)}</strong>.{' '}
        {collaboration.organiserRole === 'BROKER' ? 'Organised by a broker' : 'Organised by a member'} ({partnerLabel(collaboration.organiserPartnerId, you)}).
      </p>
      {collaboration.currentPeriod ? (
        <p>
          Period {collaboration.currentPeriod.index} runs from {formatInstant(collaboration.currentPeriod.startsAt)} to{' '}
          {formatInstant(collaboration.currentPeriod.endsAt)}; it closes for late records at {formatInstant(collaboration.currentPeriod.closesAt)}.
        </p>
      ) : (
        <p>It starts on {agreement?.startDate} (UTC).</p>
      )}
      <p role="status" class="notice-status">
        {notice}
      </p>
      <ProblemAlert problem={actionProblem} />
      <div class="actions">
        {collaboration.you.memberStatus === 'INVITED' && (
          <>
            <button type="button" onClick={() => act('accept')}>
              Accept the invitation
            </button>
            <button type="button" class="secondary" onClick={() => act('decline')}>
              Decline
            </button>
          </>
        )}
        {collaboration.you.memberStatus === 'ACTIVE' && (
          <button type="button" class="secondary" onClick={() => act('leave')}>
            Leave after this period
          </button>
        )}
        <a class="button-link" href={`#/allocation-preview?players=${encodeURIComponent(players.join(','))}`}>
          Preview the rules for these members
        </a>
      </div>

      <h2>Members</h2>
      <table class="lanes">
        <caption class="visually-hidden">Members and invitees</caption>
        <thead>
          <tr>
            <th scope="col">Partner</th>
            <th scope="col">Status</th>
            <th scope="col">From period</th>
            <th scope="col">Up to period</th>
          </tr>
        </thead>
        <tbody>
          {collaboration.members.map((member) => (
            <tr key={member.partnerId} data-partner-id={member.partnerId}>
              <td>{partnerLabel(member.partnerId, you)}</td>
              <td>{MEMBER_STATUS_NAMES[member.status]}</td>
              <td>{member.joinsAtPeriod ?? '—'}</td>
              <td>{member.leavesAfterPeriod !== undefined && member.leavesAfterPeriod >= 0 ? member.leavesAfterPeriod : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Agreement</h2>
      <table class="lanes">
        <caption class="visually-hidden">Every version of the agreement with the first period it governs</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">From period</th>
            <th scope="col">Rule</th>
            <th scope="col">Pooled share</th>
            <th scope="col">Risk terms</th>
            <th scope="col">Schedule</th>
          </tr>
        </thead>
        <tbody>
          {collaboration.agreements.map(({ appliesFromPeriod, agreement: version }) => (
            <tr key={version.version}>
              <td>{version.version}</td>
              <td>{appliesFromPeriod}</td>
              <td>{RULE_NAMES[version.rule]}</td>
              <td>{basisPoints(version.pooledShareBasisPoints)}</td>
              <td>{riskTermsText(version.riskTerms, money)}</td>
              <td>
                {version.periodKind === 'WEEKLY' ? 'Weekly' : 'Monthly'} from {version.startDate}, {version.currency}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {collaboration.you.organiser && (
        <div class="actions">
          <button type="button" class="secondary" aria-expanded={changing} onClick={() => setChanging(!changing)}>
            Propose a change of agreement
          </button>
        </div>
      )}
      {changing && agreement && (
        <ChangeAgreement
          collaborationId={collaborationId}
          agreement={agreement}
          onChanged={(changed) => {
            setCollaboration(changed);
            setChanging(false);
            setNotice('The new agreement governs the periods from the next one on.');
          }}
        />
      )}

      <h2>Periods and statements</h2>
      {periods.length === 0 ? (
        <p>No period has ended yet. A period is settled once it closes (its end plus 6 hours).</p>
      ) : (
        <ul class="periods">
          {periods.map((index) => (
            <li key={index}>
              <a href={`#/collaborations/${collaborationId}/periods/${index}`}>Period {index}: your statement</a>
            </li>
          ))}
        </ul>
      )}

      {tookPart && <Figures collaboration={collaboration} />}
      <p>
        <a href="#/collaborations">Back to your collaborations</a>
      </p>
    </main>
  );
}

function ChangeAgreement({ collaborationId, agreement, onChanged }: {
  collaborationId: string;
  agreement: Schemas['Agreement'];
  onChanged: (collaboration: Schemas['Collaboration']) => void;
}) {
  const form = useApiForm(agreementValues('', agreement), agreementPointers(''));

  async function change(event: Event) {
    event.preventDefault();
    const changed = await form.submit(() =>
      call(api.POST('/collaborations/{collaborationId}/agreement', { params: { path: { collaborationId } }, body: agreementTerms('', form.values) })),
    );
    if (changed) {
      onChanged(changed);
    }
  }

  return (
    <form ref={form.formRef} onSubmit={change} noValidate class="card" aria-label="Change the agreement">
      <p class="hint">The new terms govern the periods after the current one; a change still pending is replaced. The members see it here.</p>
      <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
      <AgreementFields prefix="" values={form.values} onInput={form.onInput} errors={form.fieldErrors} scheduleFixed />
      <button type="submit" disabled={form.submitting}>
        {form.submitting ? 'Saving…' : 'Change the agreement'}
      </button>
    </form>
  );
}

/** What the collaboration achieved since it started (at most a year), from GET /collaborations/{id}/outcomes. */
function Figures({ collaboration }: { collaboration: Schemas['Collaboration'] }) {
  const [figures, setFigures] = useState<Schemas['CollaborationOutcomes'] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const startDate = currentAgreement(collaboration)?.startDate;
  const today = new Date().toISOString().slice(0, 10);
  const from = startDate && startDate < today ? (Date.parse(today) - Date.parse(startDate) > 365 * 86_400_000 ? new Date(Date.parse(today) - 365 * 86_400_000).toISOString().slice(0, 10) : startDate) : today;

  useEffect(() => {
    void call(
      api.GET('/collaborations/{collaborationId}/outcomes', {
        params: { path: { collaborationId: collaboration.collaborationId }, query: { from, to: today } },
      }),
    ).then((outcome) => (outcome.ok ? setFigures(outcome.data) : setProblem(outcome.problem)));
  }, [collaboration.collaborationId]);

  const amounts = (values: Schemas['CollaborationAmounts']) =>
    values.length === 0 ? '—' : values.map((value) => money({ amountMinorUnits: value.amountMinorUnits, currency: value.currency })).join(', ');
  const co2e = (values: Schemas['CollaborationCo2e']) =>
    values.length === 0 ? '—' : values.map((value) => `${value.kgWellToWheel.toLocaleString('en-US')} kg`).join(', ');

  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">
        Figures from {from} to {today}
      </h2>
      <ProblemAlert problem={problem} />
      {figures === null ? (
        problem ? null : <p>Loading the figures…</p>
      ) : (
        <>
          <dl class="explanation">
            <dt>Bookings between members</dt>
            <dd>{figures.totals.bookings}</dd>
            <dt>Empty miles avoided</dt>
            <dd>{figures.totals.emptyMilesAvoided.toLocaleString('en-US', { maximumFractionDigits: 1 })}</dd>
            <dt>Surplus (earned + saved)</dt>
            <dd>{amounts(figures.totals.surplus)}</dd>
            <dt>CO₂e avoided, well-to-wheel</dt>
            <dd>{co2e(figures.totals.co2eAvoided)}</dd>
          </dl>
          {figures.byMember.length > 0 && <MemberFigures figures={figures} you={collaboration.you.partnerId} amounts={amounts} co2e={co2e} />}
          {figures.settledPeriods.length > 0 && (
            <table class="lanes">
              <caption>Settled periods</caption>
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Rule</th>
                  <th scope="col">Final total</th>
                </tr>
              </thead>
              <tbody>
                {figures.settledPeriods.map((period) => (
                  <tr key={period.periodIndex}>
                    <td>
                      <a href={`#/collaborations/${collaboration.collaborationId}/periods/${period.periodIndex}`}>Period {period.periodIndex}</a>
                    </td>
                    <td>{period.outcome.toLowerCase()}</td>
                    <td>{period.rule ?? '—'}</td>
                    <td>{period.finalTotal === undefined ? '—' : money({ amountMinorUnits: period.finalTotal, currency: period.currency })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

/**
 * Each member's part of the collaboration's figures, bookings with other members only: as carrier and as shipper,
 * and its surplus (earned + saved); the members' surpluses add up to the collaboration's. A booking's CO₂e counts for
 * both its parties, so the members' CO₂e do not add up (the settled periods' shares do).
 */
function MemberFigures({ figures, you, amounts, co2e }: {
  figures: Schemas['CollaborationOutcomes'];
  you: string;
  amounts: (values: Schemas['CollaborationAmounts']) => string;
  co2e: (values: Schemas['CollaborationCo2e']) => string;
}) {
  const miles = (value: number | undefined) => (value === undefined ? '—' : value.toLocaleString('en-US', { maximumFractionDigits: 1 }));
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label="Per member figures, scrollable">
      <table class="lanes member-figures">
        <caption>Per member (bookings with other members)</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col" class="number">Bookings as carrier</th>
            <th scope="col" class="number">Empty miles avoided</th>
            <th scope="col" class="number">Bookings as shipper</th>
            <th scope="col">Surplus (earned + saved)</th>
            <th scope="col">CO₂e avoided as carrier</th>
            <th scope="col">CO₂e avoided as shipper</th>
          </tr>
        </thead>
        <tbody>
          {figures.byMember.map((member) => (
            <tr key={member.member} data-member={member.member}>
              <th scope="row">{partnerLabel(member.member, you)}</th>
              <td class="number">{member.asCarrier.bookings}</td>
              <td class="number">{miles(member.asCarrier.emptyMilesAvoided)}</td>
              <td class="number">{member.asShipper.bookings}</td>
              <td>{amounts(member.surplus)}</td>
              <td>{co2e(member.asCarrier.co2eAvoided)}</td>
              <td>{co2e(member.asShipper.co2eAvoided)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
