import { useEffect, useRef, useState } from 'preact/hooks';
import { api, call, type Outcome, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { miles, money } from '../pages/laneText';
import { ProblemAlert } from '../ui/ProblemAlert';
import { countdown, formatInstant, otherSide, sideName, STATUS_NAMES, useNow } from './dealText';
import { OfferForm } from './OfferForm';
import { LazyPart } from '../after/LazyPart';

// After the booking: the carrier's compliance and the gate's refusals in words (ADR 37), a chunk of their own.
const loadComplianceParts = () => import('../after/negotiationParts');

const EVENT_NAMES: Record<Schemas['NegotiationHistory']['items'][number]['event'], string> = {
  OPENED: 'opened with an offer',
  COUNTERED: 'countered',
  ACCEPTED: 'accepted',
  AUTO_ACCEPTED: 'accepted automatically (auto-accept price met)',
  REJECTED: 'rejected',
  WITHDRAWN: 'withdrew the offer',
  EXPIRED: 'expired',
  SUPERSEDED: 'superseded by another booking',
};

type Action = 'accept' | 'reject' | 'withdraw';

/** One negotiation: its offers with the surplus split, the append-only history, and what the caller may do now. */
export function NegotiationPage({ negotiationId }: { negotiationId: string }) {
  const [negotiation, setNegotiation] = useState<Schemas['Negotiation'] | null>(null);
  const [history, setHistory] = useState<Schemas['NegotiationHistory'] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [bookingId, setBookingId] = useState<string | undefined>();
  const [actionProblem, setActionProblem] = useState<Problem | null>(null);
  const [acting, setActing] = useState<Action | null>(null);
  const [countering, setCountering] = useState(false);
  const [notice, setNotice] = useState('');
  const [complianceReads, setComplianceReads] = useState(0);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const now = useNow();
  const path = { params: { path: { negotiationId } } };

  async function load() {
    const [one, events] = await Promise.all([
      call(api.GET('/negotiations/{negotiationId}', path)),
      call(api.GET('/negotiations/{negotiationId}/history', path)),
    ]);
    if (!one.ok || !events.ok) {
      setProblem(!one.ok ? one.problem : !events.ok ? events.problem : null);
      return;
    }
    setProblem(null);
    setNegotiation(one.data);
    setHistory(events.data);
    // An agreed negotiation names the booking it made.
    if (one.data.bookingId) {
      setBookingId(one.data.bookingId);
    }
  }

  useEffect(() => {
    void load();
  }, [negotiationId]);

  useEffect(() => {
    if (notice) {
      noticeRef.current?.focus();
    }
  }, [notice]);

  async function act(action: Action) {
    setActing(action);
    setActionProblem(null);
    const outcome: Outcome<Schemas['Negotiation']> =
      action === 'accept'
        ? await call(api.POST('/negotiations/{negotiationId}/accept', path))
        : action === 'reject'
          ? await call(api.POST('/negotiations/{negotiationId}/reject', path))
          : await call(api.POST('/negotiations/{negotiationId}/withdraw', path));
    setActing(null);
    if (outcome.ok) {
      done(outcome.data, action === 'accept' ? 'Offer accepted: the move is booked.' : action === 'reject' ? 'Offer rejected.' : 'Offer withdrawn.');
    } else {
      setActionProblem(outcome.problem);
      setComplianceReads((count) => count + 1);
      window.setTimeout(() => alertRef.current?.querySelector<HTMLElement>('[role="alert"]')?.focus());
    }
  }

  function done(updated: Schemas['Negotiation'], message: string) {
    setCountering(false);
    setNegotiation(updated);
    if (updated.bookingId) {
      setBookingId(updated.bookingId);
    }
    setNotice(message);
    void load();
  }

  const open = negotiation?.status === 'OPEN';
  const yourTurn = open && negotiation?.turn === negotiation?.yourSide;
  const yourOfferOnTable = open && negotiation?.currentOffer.offeredBy === negotiation?.yourSide;

  return (
    <main id="main">
      <p>
        <a href="#/negotiations">← All negotiations</a>
      </p>
      <h1>Negotiation</h1>
      <ProblemAlert problem={problem} />
      <p role="status" tabIndex={-1} ref={noticeRef} class={notice ? 'notice' : undefined}>
        {notice}
      </p>
      {negotiation && (
        <>
          <dl class="explanation">
            <dt>Status</dt>
            <dd data-testid="negotiation-status">{STATUS_NAMES[negotiation.status]}</dd>
            <dt>You negotiate as</dt>
            <dd>the {sideName(negotiation.yourSide)}</dd>
            {open && negotiation.turn && (
              <>
                <dt>Turn</dt>
                <dd>{yourTurn ? 'Yours: accept, reject or counter the offer' : `The ${sideName(negotiation.turn)}'s`}</dd>
              </>
            )}
            <dt>Offer on the table</dt>
            <dd>
              {money(negotiation.currentOffer.amount)} by the {sideName(negotiation.currentOffer.offeredBy)}, round{' '}
              {negotiation.currentOffer.round} of {negotiation.roundsLimit}
              {open ? `, expires ${countdown(negotiation.currentOffer.expiresAt, now)}` : ''}
            </dd>
            <dt>Offers close</dt>
            <dd>{formatInstant(negotiation.offerDeadline)}</dd>
            <dt>Market: shipper's price, carrier's extra cost</dt>
            <dd>
              {money(negotiation.market.shipperPrice)}, {money(negotiation.market.carrierIncrementalCost)} ·{' '}
              {miles(negotiation.market.loadedMiles)} loaded, {miles(negotiation.market.outOfRouteMiles)} out of route
            </dd>
            <dt>Lanes</dt>
            <dd>
              truck <code>{negotiation.capacityLaneId}</code>, load <code>{negotiation.loadLaneId}</code>
            </dd>
          </dl>
          {bookingId && (
            <p class="notice">
              Booked: <a href={`#/bookings/${bookingId}`}>the booking and its rate confirmation</a>
            </p>
          )}
          {open && (
            <section aria-labelledby="actions-heading">
              <h2 id="actions-heading">What you can do</h2>
              <div ref={alertRef}>
                <ProblemAlert problem={actionProblem} />
                {actionProblem?.reasonCode && (
                  <LazyPart load={loadComplianceParts} what="advice" render={({ GateRefusalAdvice }) => <GateRefusalAdvice problem={actionProblem} />} />
                )}
              </div>
              <div class="actions">
                {yourTurn && (
                  <>
                    <button type="button" disabled={acting !== null} onClick={() => act('accept')}>
                      {acting === 'accept' ? 'Accepting…' : `Accept ${money(negotiation.currentOffer.amount)}`}
                    </button>
                    <button type="button" class="secondary" aria-expanded={countering} aria-controls="counter-offer"
                      onClick={() => setCountering(!countering)}>
                      Counter
                    </button>
                    <button type="button" class="secondary" disabled={acting !== null} onClick={() => act('reject')}>
                      {acting === 'reject' ? 'Rejecting…' : 'Reject'}
                    </button>
                  </>
                )}
                {yourOfferOnTable && (
                  <button type="button" class="secondary" disabled={acting !== null} onClick={() => act('withdraw')}>
                    {acting === 'withdraw' ? 'Withdrawing…' : 'Withdraw your offer'}
                  </button>
                )}
              </div>
              {yourOfferOnTable && <p>Waiting for the {sideName(otherSide(negotiation.yourSide))} to answer.</p>}
              {countering && yourTurn && (
                <div id="counter-offer">
                  <OfferForm
                    label="Counter-offer"
                    submitLabel="Send the counter-offer"
                    send={(body) => call(api.POST('/negotiations/{negotiationId}/counter', { ...path, body }))}
                    onDone={(updated) => done(updated, 'Counter-offer sent.')}
                  />
                </div>
              )}
            </section>
          )}
          <LazyPart load={loadComplianceParts} what="carrier's compliance"
            render={({ CarrierCompliancePanel }) => <CarrierCompliancePanel negotiationId={negotiationId} refreshKey={complianceReads} />} />
          <section aria-labelledby="offers-heading">
            <h2 id="offers-heading">Offers</h2>
            <table class="lanes offers">
              <caption class="visually-hidden">Every offer, first to last, with how it splits the market surplus</caption>
              <thead>
                <tr>
                  <th scope="col">Round</th>
                  <th scope="col">By</th>
                  <th scope="col">Amount</th>
                  <th scope="col">Surplus split (carrier / shipper of total)</th>
                  <th scope="col">Per loaded mile</th>
                  <th scope="col">For you</th>
                  <th scope="col">Offered, expires</th>
                </tr>
              </thead>
              <tbody>
                {negotiation.offers.map((offer) => (
                  <tr key={offer.round}>
                    <td>{offer.round}</td>
                    <td>{sideName(offer.offeredBy)}</td>
                    <td>
                      {money(offer.amount)}
                      {offer.note ? <><br /><small>“{offer.note}”</small></> : null}
                    </td>
                    <td>
                      {money(offer.marketSplit.carrierShare)} / {money(offer.marketSplit.shipperShare)} of{' '}
                      {money(offer.marketSplit.surplus)}
                    </td>
                    <td>{money(offer.marketSplit.ratePerLoadedMile)}</td>
                    <td>{yourViewText(offer.yourView)}</td>
                    <td>
                      {formatInstant(offer.offeredAt)}, {offer.expired ? 'expired' : `expires ${formatInstant(offer.expiresAt)}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {history && (
            <section aria-labelledby="history-heading">
              <h2 id="history-heading">History</h2>
              <ol class="history">
                {history.items.map((item) => (
                  <li key={item.sequence}>
                    {formatInstant(item.at)}: {item.actor === 'EXCHANGE' ? 'the exchange' : `the ${item.side ? sideName(item.side) : 'party'}`}{' '}
                    {EVENT_NAMES[item.event]}
                    {item.amount ? ` ${money(item.amount)}` : ''}
                    {item.round ? ` (round ${item.round})` : ''}
                  </li>
                ))}
              </ol>
            </section>
          )}
        </>
      )}
    </main>
  );
}

function yourViewText(view: Schemas['NegotiationOfferView']['yourView']): string {
  const parts: string[] = [];
  if (view.ownMargin) {
    parts.push(`margin ${money(view.ownMargin)}`);
  }
  if (view.meetsMinimumRate !== undefined) {
    parts.push(view.meetsMinimumRate ? 'meets your minimum rate' : 'below your minimum rate');
  }
  if (view.savingAgainstBudget) {
    parts.push(`${money(view.savingAgainstBudget)} under budget`);
  }
  if (view.withinBudget !== undefined && !view.withinBudget) {
    parts.push('over your budget');
  }
  if (view.meetsAutoAcceptPrice) {
    parts.push('meets your auto-accept price');
  }
  return parts.join(', ') || '—';
}
