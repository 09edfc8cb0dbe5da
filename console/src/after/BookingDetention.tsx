import { useEffect, useState } from 'preact/hooks';
import { api, call, type Outcome, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { formatZoned } from '../api/zoned';
import { money } from '../pages/laneText';
import { TextField } from '../ui/fields';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';
import { DETENTION_STATUS_NAMES, detentionActions, detentionExplanation, STOP_NAMES } from './afterText';

type StopDetention = Schemas['StopDetention'];

/**
 * Detention per stop (ADR 38): how the charge comes about from the arrival, the window's opening, the departure,
 * the free hours and the rate; the carrier claims it, the shipper confirms or disputes it.
 */
export function BookingDetention({ bookingId, side, confirmation, refreshKey }: {
  bookingId: string;
  side: 'CARRIER' | 'SHIPPER';
  confirmation: Schemas['RateConfirmation'];
  refreshKey: number;
}) {
  const [detention, setDetention] = useState<Schemas['BookingDetention'] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState('');

  async function load() {
    const outcome = await call(api.GET('/bookings/{bookingId}/detention', { params: { path: { bookingId } } }));
    if (outcome.ok) {
      setDetention(outcome.data);
    } else {
      setProblem(outcome.problem);
    }
  }

  useEffect(() => {
    void load();
  }, [bookingId, refreshKey]);

  function decided(updated: StopDetention, message: string) {
    setNotice(message);
    setDetention((previous) => previous && { ...previous, stops: previous.stops.map((stop) => (stop.stop === updated.stop ? updated : stop)) });
  }

  const terms = confirmation.accessorials;
  return (
    <section aria-labelledby="detention-heading" class="no-print">
      <h2 id="detention-heading">Detention</h2>
      <p>
        The agreed terms: {terms.detentionFreeHours} free hours at each stop, then {money(terms.detentionRatePerHour)} an hour, billed per started
        quarter hour. The clock starts at the later of the truck's arrival and the opening of the stop's window.
      </p>
      <ProblemAlert problem={problem} />
      <p role="status">{notice}</p>
      {detention && (
        <div class="columns">
          {detention.stops.map((stop) => (
            <StopCard key={stop.stop} bookingId={bookingId} detention={stop} side={side}
              zone={(stop.stop === 'PICKUP' ? confirmation.pickup : confirmation.delivery).window.timeZone} onDecided={decided} />
          ))}
        </div>
      )}
    </section>
  );
}

function StopCard({ bookingId, detention, side, zone, onDecided }: {
  bookingId: string;
  detention: StopDetention;
  side: 'CARRIER' | 'SHIPPER';
  zone: string;
  onDecided: (updated: StopDetention, message: string) => void;
}) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [disputing, setDisputing] = useState(false);
  const stopName = STOP_NAMES[detention.stop];
  const title = `Detention at the ${stopName}`;
  const path = { params: { path: { bookingId, stop: detention.stop.toLowerCase() as 'pickup' | 'delivery' } } };
  const explanation = detentionExplanation(detention);
  const time = (instant?: string) => (instant ? formatZoned(instant, zone) : '—');

  async function act(run: () => Promise<Outcome<StopDetention>>, message: string) {
    setProblem(null);
    const outcome = await run();
    if (outcome.ok) {
      setDisputing(false);
      onDecided(outcome.data, message);
    } else {
      setProblem(outcome.problem);
    }
  }

  const actions = detentionActions(detention, side);
  return (
    <article class="card detention" aria-label={title} data-stop={detention.stop}>
      <h3>{title}</h3>
      <p data-testid={`detention-status-${detention.stop.toLowerCase()}`}>
        <strong>{DETENTION_STATUS_NAMES[detention.status]}</strong>
        {detention.charge ? `: ${money(detention.charge)}` : ''}
      </p>
      {explanation && <p>{explanation}</p>}
      {detention.arrivedAt && (
        <dl class="explanation">
          <dt>Arrived</dt>
          <dd>{time(detention.arrivedAt)}</dd>
          <dt>Clock started</dt>
          <dd>{time(detention.clockStartedAt)}</dd>
          <dt>Left</dt>
          <dd>{time(detention.departedAt)}</dd>
          {detention.claimedAt && (
            <>
              <dt>Claimed</dt>
              <dd>{time(detention.claimedAt)}</dd>
            </>
          )}
          {detention.decidedAt && (
            <>
              <dt>{detention.status === 'DISPUTED' ? 'Disputed' : 'Confirmed'}</dt>
              <dd>{time(detention.decidedAt)}</dd>
            </>
          )}
          {detention.disputeReason && (
            <>
              <dt>Why disputed</dt>
              <dd>{detention.disputeReason}</dd>
            </>
          )}
        </dl>
      )}
      {detention.status === 'CONFIRMED' && <p>Settled at the period close of a collaboration of both parties, if there is one.</p>}
      <ProblemAlert problem={problem} />
      <div class="actions">
        {actions.includes('claim') && (
          <button type="button" onClick={() => act(() => call(api.POST('/bookings/{bookingId}/detention/{stop}/claim', path)), `Detention at the ${stopName} claimed.`)}>
            Claim {detention.charge ? money(detention.charge) : ''} detention at the {stopName}
          </button>
        )}
        {actions.includes('confirm') && (
          <button type="button" onClick={() => act(() => call(api.POST('/bookings/{bookingId}/detention/{stop}/confirmation', path)), `Detention at the ${stopName} confirmed.`)}>
            Confirm the {stopName} detention
          </button>
        )}
        {actions.includes('dispute') && (
          <button type="button" class="secondary" aria-expanded={disputing} onClick={() => setDisputing(!disputing)}>
            Dispute…
          </button>
        )}
      </div>
      {disputing && (
        <DisputeForm stopName={stopName}
          send={(reason) => call(api.POST('/bookings/{bookingId}/detention/{stop}/dispute', { ...path, body: { reason } }))}
          onDone={(updated) => onDecided(updated, `Detention at the ${stopName} disputed.`)} />
      )}
    </article>
  );
}

function DisputeForm({ stopName, send, onDone }: {
  stopName: string;
  send: (reason: string) => Promise<Outcome<StopDetention>>;
  onDone: (updated: StopDetention) => void;
}) {
  const form = useApiForm({ '/reason': '' }, ['/reason']);
  async function submit(event: Event) {
    event.preventDefault();
    const updated = await form.submit(() => send(form.values['/reason'] ?? ''));
    if (updated) {
      onDone(updated);
    }
  }
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate aria-label={`Dispute the ${stopName} detention`}>
      <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
      <TextField pointer="/reason" label="Why you dispute it" hint="For example what your gate log shows." values={form.values} onInput={form.onInput}
        errors={form.fieldErrors} required />
      <button type="submit" disabled={form.submitting}>
        {form.submitting ? 'Sending…' : 'Send the dispute'}
      </button>
    </form>
  );
}
