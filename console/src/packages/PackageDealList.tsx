import { useEffect, useState } from 'preact/hooks';
import { api, call, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { countdown, useNow } from '../deals/dealText';
import { money } from '../pages/laneText';
import { ProblemAlert } from '../ui/ProblemAlert';
import { DEAL_STATUS_NAMES, dealSummary, legsAwaiting } from './packageDealText';

const PAGE_SIZE = 25;

/**
 * The caller's package deals (`GET /package-deals`), newest first, in the negotiation inbox: a carrier's with every
 * load, a shipper's with its own load only; whose turn it is and when the offer on the caller's turn lapses.
 */
export function PackageDealList() {
  const [items, setItems] = useState<Schemas['PackageDeal'][] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | undefined>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const now = useNow();

  async function load(cursor?: string) {
    const outcome = await call(api.GET('/package-deals', { params: { query: { limit: PAGE_SIZE, cursor } } }));
    if (outcome.ok) {
      setProblem(null);
      setItems((current) => (cursor ? [...(current ?? []), ...outcome.data.items] : outcome.data.items));
      setNextCursor(outcome.data.nextCursor);
    } else {
      setProblem(outcome.problem);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  return (
    <section aria-labelledby="package-deals-heading">
      <h2 id="package-deals-heading">Package deals</h2>
      <ProblemAlert problem={problem} />
      {items === null ? (
        problem ? null : <p>Loading package deals…</p>
      ) : items.length === 0 ? (
        <p>No package deals yet. A carrier offers a reload package from its truck's lane.</p>
      ) : (
        <table class="lanes package-deals">
          <caption class="visually-hidden">Package deals, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Package deal</th>
              <th scope="col">Status</th>
              <th scope="col">On the table</th>
              <th scope="col">Your turn</th>
            </tr>
          </thead>
          <tbody>
            {items.map((deal) => {
              const awaiting = legsAwaiting(deal);
              return (
                <tr key={deal.dealId} data-deal-id={deal.dealId}>
                  <td>
                    <a href={`#/package-deals/${deal.dealId}`}>{dealSummary(deal)}</a>
                  </td>
                  <td>{DEAL_STATUS_NAMES[deal.status]}</td>
                  <td>
                    {deal.legs.map((leg) => {
                      const offer = leg.offers[leg.offers.length - 1];
                      return offer ? `load ${leg.legIndex + 1}: ${money(offer.amount)}` : '';
                    }).join(', ')}
                  </td>
                  <td>
                    {awaiting.length === 0
                      ? '—'
                      : <strong>{awaiting.map((leg) => {
                          const offer = leg.offers[leg.offers.length - 1];
                          return `load ${leg.legIndex + 1}${offer ? `, lapses ${countdown(offer.expiresAt, now)}` : ''}`;
                        }).join('; ')}</strong>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {nextCursor && (
        <button type="button" onClick={() => load(nextCursor)}>
          Show more package deals
        </button>
      )}
    </section>
  );
}
