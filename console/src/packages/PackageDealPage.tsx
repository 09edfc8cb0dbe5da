import { useEffect, useRef, useState } from 'preact/hooks';
import { api, call, type Outcome, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { countdown, formatInstant, sideName, useNow } from '../deals/dealText';
import { OfferForm } from '../deals/OfferForm';
import { miles, money } from '../pages/laneText';
import { ProblemAlert } from '../ui/ProblemAlert';
import { DEAL_STATUS_NAMES, failureText, LEG_STATUS_NAMES, turnOnLeg, type PackageDeal, type PackageDealLeg } from './packageDealText';

type LegAction = 'accept' | 'decline';

/**
 * A package deal (ADR 29, 32) as the caller's side sees it (`GET /package-deals/{dealId}`): the carrier's side every
 * load with its shipper and state, a shipper's side only its own load and that it is one of several. On its turn
 * on a load, the caller accepts, counters or (a shipper) declines; the carrier's side withdraws the whole package.
 * Once booked, the bookings of the caller's loads are linked.
 */
export function PackageDealPage({ dealId }: { dealId: string }) {
  const [deal, setDeal] = useState<PackageDeal | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [bookings, setBookings] = useState<{ bookingId: string; legIndex?: number }[]>([]);
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const path = { params: { path: { dealId } } };

  async function load() {
    const outcome = await call(api.GET('/package-deals/{dealId}', path));
    if (!outcome.ok) {
      setProblem(outcome.problem);
      return;
    }
    setProblem(null);
    setDeal(outcome.data);
    if (outcome.data.status === 'BOOKED') {
      // Only the booking acceptance names the bookings: they are the caller's bookings whose negotiation is this
      // deal (ADR 32), each on the load of one of the legs the caller sees.
      const found = await call(api.GET('/bookings', { params: { query: { limit: 100 } } }));
      if (found.ok) {
        const legs = outcome.data.legs;
        setBookings(found.data.items
          .filter((booking) => booking.negotiationId === dealId)
          .map((booking) => ({ bookingId: booking.bookingId, legIndex: legs.find((leg) => leg.loadLaneId === booking.loadLaneId)?.legIndex }))
          .sort((a, b) => (a.legIndex ?? 0) - (b.legIndex ?? 0)));
      }
    }
  }

  useEffect(() => {
    void load();
  }, [dealId]);

  useEffect(() => {
    if (notice) {
      noticeRef.current?.focus();
    }
  }, [notice]);

  function done(updated: PackageDeal, message: string) {
    setDeal(updated);
    setNotice(message);
    void load();
  }

  return (
    <main id="main">
      <p>
        <a href="#/negotiations">← Negotiations and package deals</a>
      </p>
      <h1>Package deal</h1>
      <ProblemAlert problem={problem} />
      <p role="status" tabIndex={-1} ref={noticeRef} class={notice ? 'notice' : undefined}>
        {notice}
      </p>
      {deal && (
        <>
          <dl class="explanation">
            <dt>Status</dt>
            <dd data-testid="package-deal-status">{DEAL_STATUS_NAMES[deal.status]}</dd>
            <dt>You negotiate as</dt>
            <dd>the {sideName(deal.yourSide)}</dd>
            <dt>The package</dt>
            <dd>
              {deal.yourSide === 'CARRIER'
                ? `${deal.loadsInPackage} loads carried one after another by your truck; each shipper sees only its own load.`
                : `Your load is one of ${deal.loadsInPackage} carried one after another by one truck. It books only if every shipper accepts.`}
            </dd>
            {deal.openUntil && (
              <>
                <dt>Offers close</dt>
                <dd>{formatInstant(deal.openUntil)}</dd>
              </>
            )}
            {deal.capacityLaneId && (
              <>
                <dt>Truck</dt>
                <dd>
                  <a href={`#/lanes/${deal.capacityLaneId}`}>your truck's lane</a>
                  {deal.packageId && <> · <a href={`#/packages/${deal.packageId}`}>the package's explanation</a></>}
                </dd>
              </>
            )}
          </dl>
          {deal.failure && <p class="problem" data-testid="package-deal-failure">{failureText(deal)}</p>}
          {deal.status === 'BOOKED' && (
            <section aria-labelledby="bookings-heading">
              <h2 id="bookings-heading">Bookings</h2>
              {bookings.length === 0 ? (
                <p>Booked. Your bookings are listed under <a href="#/bookings">Bookings</a>.</p>
              ) : (
                <ul>
                  {bookings.map(({ bookingId, legIndex }) => (
                    <li key={bookingId}>
                      <a href={`#/bookings/${bookingId}`}>
                        Booking of {deal.yourSide === 'CARRIER' && legIndex !== undefined ? `load ${legIndex + 1}` : 'your load'}
                      </a>{' '}
                      (and its rate confirmation)
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          {deal.status === 'OPEN' && deal.yourSide === 'CARRIER' && <Withdraw dealId={dealId} onDone={done} />}
          {deal.legs.map((leg) => (
            <LegCard key={leg.legIndex} deal={deal} leg={leg} onDone={done} />
          ))}
        </>
      )}
    </main>
  );
}

function Withdraw({ dealId, onDone }: { dealId: string; onDone: (deal: PackageDeal, message: string) => void }) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  async function withdraw() {
    setBusy(true);
    const outcome = await call(api.POST('/package-deals/{dealId}/withdraw', { params: { path: { dealId } } }));
    setBusy(false);
    setConfirming(false);
    if (outcome.ok) {
      onDone(outcome.data, 'Package withdrawn: it failed for every shipper and nothing was booked.');
    } else {
      setProblem(outcome.problem);
    }
  }
  return (
    <section aria-labelledby="withdraw-heading" class="no-print">
      <h2 id="withdraw-heading">The whole package</h2>
      <ProblemAlert problem={problem} />
      {confirming ? (
        <div class="confirm" role="group" aria-label="Withdraw the package?">
          <p>Withdraw the whole package? It fails for every shipper, whatever they answered.</p>
          <div class="actions">
            <button type="button" class="danger" disabled={busy} onClick={withdraw}>{busy ? 'Withdrawing…' : 'Yes, withdraw the package'}</button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>Keep it</button>
          </div>
        </div>
      ) : (
        <button type="button" class="secondary" onClick={() => setConfirming(true)}>Withdraw the package…</button>
      )}
    </section>
  );
}

function LegCard({ deal, leg, onDone }: { deal: PackageDeal; leg: PackageDealLeg; onDone: (deal: PackageDeal, message: string) => void }) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [acting, setActing] = useState<LegAction | null>(null);
  const [countering, setCountering] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const now = useNow();
  const current = leg.offers[leg.offers.length - 1];
  const turn = turnOnLeg(leg);
  const yourTurn = deal.status === 'OPEN' && turn === deal.yourSide;
  const number = leg.legIndex + 1;
  const headingId = `leg-${leg.legIndex}`;
  const path = { params: { path: { dealId: deal.dealId, legIndex: leg.legIndex } } };

  async function act(action: LegAction) {
    setActing(action);
    setProblem(null);
    const outcome: Outcome<PackageDeal> =
      action === 'accept'
        ? await call(api.POST('/package-deals/{dealId}/legs/{legIndex}/accept', path))
        : await call(api.POST('/package-deals/{dealId}/legs/{legIndex}/decline', path));
    setActing(null);
    if (outcome.ok) {
      onDone(
        outcome.data,
        action === 'decline'
          ? 'Offer declined: the package failed for everyone and nothing was booked.'
          : outcome.data.status === 'BOOKED'
            ? 'Offer accepted: that was the last one, the whole package is booked.'
            : `Offer on load ${number} accepted: the package books when every load is accepted.`,
      );
    } else {
      setProblem(outcome.problem);
      window.setTimeout(() => alertRef.current?.querySelector<HTMLElement>('[role="alert"]')?.focus());
    }
  }

  return (
    <article class="card" aria-labelledby={headingId} data-leg-index={leg.legIndex}>
      <h2 id={headingId}>
        Load {number} of {deal.loadsInPackage}: {LEG_STATUS_NAMES[leg.status]}
      </h2>
      <dl class="explanation">
        <dt>Load lane</dt>
        <dd>
          {deal.yourSide === 'SHIPPER' ? <a href={`#/lanes/${leg.loadLaneId}`}>your load</a> : null} <code>{leg.loadLaneId}</code>
        </dd>
        {leg.shipperPartnerId && (
          <>
            <dt>Shipper</dt>
            <dd><code>{leg.shipperPartnerId}</code></dd>
          </>
        )}
        {current && (
          <>
            <dt>Offer on the table</dt>
            <dd>
              {money(current.amount)} by the {sideName(current.offeredBy)}, round {current.round}
              {deal.status === 'OPEN' && leg.status !== 'ACCEPTED' ? `, expires ${countdown(current.expiresAt, now)}` : ''}
            </dd>
          </>
        )}
        <dt>Market: shipper's price, carrier's extra cost</dt>
        <dd>
          {money(leg.market.shipperPrice)}, {money(leg.market.carrierIncrementalCost)} · {miles(leg.market.loadedMiles)} loaded,{' '}
          {miles(leg.market.outOfRouteMiles)} out of route charged to it
        </dd>
      </dl>
      {deal.status === 'OPEN' && (
        <div class="no-print">
          <div ref={alertRef}>
            <ProblemAlert problem={problem} />
          </div>
          {yourTurn ? (
            <>
              <div class="actions">
                <button type="button" disabled={acting !== null} onClick={() => act('accept')}>
                  {acting === 'accept' ? 'Accepting…' : `Accept ${money(current?.amount)} for load ${number}`}
                </button>
                <button type="button" class="secondary" aria-expanded={countering} aria-controls={`counter-${leg.legIndex}`} onClick={() => setCountering(!countering)}>
                  Counter
                </button>
                {deal.yourSide === 'SHIPPER' && (
                  <button type="button" class="secondary" disabled={acting !== null} onClick={() => act('decline')}>
                    {acting === 'decline' ? 'Declining…' : 'Decline'}
                  </button>
                )}
              </div>
              {countering && (
                <div id={`counter-${leg.legIndex}`}>
                  <OfferForm<PackageDeal>
                    label={`Counter-offer on load ${number}`}
                    submitLabel="Send the counter-offer"
                    send={(body: Schemas['NegotiationOffer']) => call(api.POST('/package-deals/{dealId}/legs/{legIndex}/counter', { ...path, body }))}
                    onDone={(updated) => {
                      setCountering(false);
                      onDone(updated, `Counter-offer on load ${number} sent.`);
                    }}
                  />
                </div>
              )}
            </>
          ) : turn ? (
            <p>Waiting for the {sideName(turn)} to answer.</p>
          ) : null}
        </div>
      )}
      <table class="lanes offers">
        <caption class="visually-hidden">The offers on load {number}, first to last</caption>
        <thead>
          <tr>
            <th scope="col">Round</th>
            <th scope="col">By</th>
            <th scope="col">Amount</th>
            <th scope="col">Offered, expires</th>
          </tr>
        </thead>
        <tbody>
          {leg.offers.map((offer) => (
            <tr key={offer.round}>
              <td>{offer.round}</td>
              <td>{sideName(offer.offeredBy)}</td>
              <td>
                {money(offer.amount)}
                {offer.note ? <><br /><small>“{offer.note}”</small></> : null}
              </td>
              <td>
                {formatInstant(offer.offeredAt)}, {offer.expired ? 'expired' : `expires ${formatInstant(offer.expiresAt)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
