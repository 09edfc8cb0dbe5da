import { useEffect, useState } from 'preact/hooks';
import { api, call, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { money } from '../pages/laneText';
import { ProblemAlert } from '../ui/ProblemAlert';
import { PackageDealList } from '../packages/PackageDealList';
import { countdown, sideName, STATUS_NAMES, useNow, type NegotiationStatus } from './dealText';

const PAGE_SIZE = 50;
const STATUSES = Object.keys(STATUS_NAMES) as NegotiationStatus[];

/**
 * The negotiation inbox: the caller's negotiations, newest first, with whose turn it is and when the offer on the
 * table lapses. A broker picks which of its principals (the partners that delegated to it) it acts for.
 */
export function Inbox({ partner, actingFor, onActingFor }: {
  partner: Schemas['Partner'];
  actingFor: string | null;
  onActingFor: (principalId: string | null) => void;
}) {
  const broker = partner.roles.includes('BROKER');
  const [principals, setPrincipals] = useState<string[] | null>(broker ? null : []);
  const [status, setStatus] = useState<NegotiationStatus | ''>('');
  const [items, setItems] = useState<Schemas['NegotiationSummary'][] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | undefined>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const now = useNow();

  useEffect(() => {
    if (!broker) {
      return;
    }
    void call(api.GET('/partners/me/delegations')).then((outcome) => {
      if (!outcome.ok) {
        setProblem(outcome.problem);
        return;
      }
      const held = outcome.data.held.filter((delegation) => delegation.active).map((delegation) => delegation.principalPartnerId);
      setPrincipals(held);
      if (actingFor === null && held.length > 0) {
        onActingFor(held[0]!);
      }
    });
  }, [broker]);

  async function load(cursor?: string) {
    const outcome = await call(api.GET('/negotiations', {
      params: { query: { limit: PAGE_SIZE, cursor, status: status || undefined, onBehalfOf: actingFor ?? undefined } },
    }));
    if (outcome.ok) {
      setProblem(null);
      setItems((current) => (cursor ? [...(current ?? []), ...outcome.data.items] : outcome.data.items));
      setNextCursor(outcome.data.nextCursor);
    } else {
      setProblem(outcome.problem);
    }
  }

  useEffect(() => {
    if (broker && actingFor === null) {
      return;
    }
    void load();
  }, [actingFor, status]);

  return (
    <main id="main">
      <h1>Negotiations</h1>
      <ProblemAlert problem={problem} />
      {broker && (
        <div class="field">
          <label for="acting-for">Acting for</label>
          <p class="hint" id="acting-for-hint">The partners that delegated negotiation to you.</p>
          {principals === null ? (
            <p>Loading your delegations…</p>
          ) : principals.length === 0 ? (
            <p id="acting-for">No partner has delegated negotiation to you yet.</p>
          ) : (
            <select id="acting-for" aria-describedby="acting-for-hint" value={actingFor ?? ''}
              onChange={(event) => onActingFor((event.currentTarget as HTMLSelectElement).value)}>
              {principals.map((principal) => (
                <option key={principal} value={principal}>{principal}</option>
              ))}
            </select>
          )}
        </div>
      )}
      <div class="field">
        <label for="status-filter">Status</label>
        <select id="status-filter" value={status} onChange={(event) => setStatus((event.currentTarget as HTMLSelectElement).value as NegotiationStatus | '')}>
          <option value="">All</option>
          {STATUSES.map((value) => (
            <option key={value} value={value}>{STATUS_NAMES[value]}</option>
          ))}
        </select>
      </div>
      {items === null ? (
        broker && principals?.length === 0 ? null : <p>Loading negotiations…</p>
      ) : items.length === 0 ? (
        <p>No negotiations{status ? ` with status ${STATUS_NAMES[status].toLowerCase()}` : ''} yet. Open one from a match of one of your lanes.</p>
      ) : (
        <table class="lanes negotiations">
          <caption class="visually-hidden">Negotiations, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Negotiation</th>
              <th scope="col">Status</th>
              <th scope="col">Offer on the table</th>
              <th scope="col">Turn</th>
              <th scope="col">Offer expires</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const open = item.status === 'OPEN';
              return (
                <tr key={item.negotiationId} data-negotiation-id={item.negotiationId}>
                  <td>
                    <a href={`#/negotiations/${item.negotiationId}`}>
                      As {sideName(item.yourSide)}, round {item.currentOffer.round}
                    </a>
                  </td>
                  <td>{STATUS_NAMES[item.status]}</td>
                  <td>
                    {money(item.currentOffer.amount)} <small>by the {sideName(item.currentOffer.offeredBy)}</small>
                  </td>
                  <td>{open && item.turn ? (item.turn === item.yourSide ? <strong>Yours</strong> : `The ${sideName(item.turn)}'s`) : '—'}</td>
                  <td>{open ? countdown(item.currentOffer.expiresAt, now) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {nextCursor && (
        <button type="button" onClick={() => load(nextCursor)}>
          Show more negotiations
        </button>
      )}
      {/* Reload packages (issue 11): the caller's own package deals, whoever it acts for above. */}
      <PackageDealList />
    </main>
  );
}
