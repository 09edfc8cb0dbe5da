import { useEffect, useRef, useState } from 'preact/hooks';
import { api, call, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { formatZoned, toZonedTimestamp } from '../api/zoned';
import { equipmentName, money } from '../pages/laneText';
import { TextField } from '../ui/fields';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';
import { BOOKING_STATUS_NAMES, formatInstant } from './dealText';
import { LazyPart } from '../after/LazyPart';

// After the booking: tracking, documents, tracking links and detention, a chunk of their own (issue 13's budget).
const loadAfterBooking = () => import('../after/bookingParts');

/** One booking: its status and history, the carrier's pickup and delivery, and the rate confirmation to print. */
export function BookingPage({ bookingId, partner }: { bookingId: string; partner: Schemas['Partner'] }) {
  const [booking, setBooking] = useState<Schemas['Booking'] | null>(null);
  const [confirmation, setConfirmation] = useState<Schemas['RateConfirmation'] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const path = { params: { path: { bookingId } } };

  async function load() {
    const [one, rateConfirmation] = await Promise.all([
      call(api.GET('/bookings/{bookingId}', path)),
      call(api.GET('/bookings/{bookingId}/rate-confirmation', path)),
    ]);
    if (!one.ok || !rateConfirmation.ok) {
      setProblem(!one.ok ? one.problem : !rateConfirmation.ok ? rateConfirmation.problem : null);
      return;
    }
    setProblem(null);
    setBooking(one.data);
    setConfirmation(rateConfirmation.data);
  }

  useEffect(() => {
    void load();
  }, [bookingId]);

  useEffect(() => {
    if (notice) {
      noticeRef.current?.focus();
    }
  }, [notice]);

  const carrier = booking?.carrierPartnerId === partner.partnerId;

  function recorded(updated: Schemas['Booking'], message: string) {
    setBooking(updated);
    setNotice(message);
  }

  return (
    <main id="main">
      <p class="no-print">
        <a href="#/bookings">← All bookings</a>
      </p>
      <h1 class="no-print">Booking</h1>
      <ProblemAlert problem={problem} />
      <p role="status" tabIndex={-1} ref={noticeRef} class={notice ? 'notice no-print' : 'no-print'}>
        {notice}
      </p>
      {booking && (
        <section class="no-print" aria-labelledby="booking-heading">
          <h2 id="booking-heading">Status: {BOOKING_STATUS_NAMES[booking.status]}</h2>
          <ol class="history">
            {booking.history.map((item) => (
              <li key={item.sequence}>
                {formatInstant(item.recordedAt)}: {BOOKING_STATUS_NAMES[item.event].toLowerCase()}
              </li>
            ))}
          </ol>
          {booking.pickup && <p>Picked up {formatInstant(booking.pickup.actualTime)}.</p>}
          {booking.delivery && <p>Delivered {formatInstant(booking.delivery.actualTime)}.</p>}
          {carrier && confirmation && booking.status === 'BOOKED' && (
            <StopForm kind="pickup" bookingId={bookingId} zone={confirmation.pickup.window.timeZone}
              onRecorded={(updated) => recorded(updated, 'Pickup recorded.')} />
          )}
          {carrier && confirmation && booking.status === 'PICKED_UP' && (
            <StopForm kind="delivery" bookingId={bookingId} zone={confirmation.delivery.window.timeZone}
              onRecorded={(updated) => recorded(updated, 'Delivery recorded.')} />
          )}
          <p>
            <a href={`#/negotiations/${booking.negotiationId}`}>The negotiation it was agreed in</a>
          </p>
        </section>
      )}
      {confirmation && booking && (
        <LazyPart load={loadAfterBooking} what="tracking and documents"
          render={({ AfterBooking }) => <AfterBooking booking={booking} confirmation={confirmation} side={carrier ? 'CARRIER' : 'SHIPPER'} />} />
      )}
      {confirmation && booking && <RateConfirmationSheet confirmation={confirmation} booking={booking} />}
    </main>
  );
}

/** The wall time now in `zone`, for a `datetime-local` field. */
function wallTimeNow(zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

function StopForm({ kind, bookingId, zone, onRecorded }: {
  kind: 'pickup' | 'delivery';
  bookingId: string;
  zone: string;
  onRecorded: (booking: Schemas['Booking']) => void;
}) {
  const fields = kind === 'pickup' ? ['/actualTime'] : ['/actualTime', '/actualMiles'];
  const form = useApiForm({ '/actualTime': wallTimeNow(zone), '/actualMiles': '' }, fields);
  const fieldProps = { values: form.values, onInput: form.onInput, errors: form.fieldErrors };

  async function submit(event: Event) {
    event.preventDefault();
    // The API takes an RFC 3339 instant: the zone's offset, without the zone's name.
    const actualTime = toZonedTimestamp(form.values['/actualTime'] ?? '', zone).replace(/\[[^\]]+\]$/, '');
    const path = { params: { path: { bookingId } } };
    const milesText = form.values['/actualMiles']?.trim();
    const booking = await form.submit(() =>
      kind === 'pickup'
        ? call(api.POST('/bookings/{bookingId}/pickup', { ...path, body: { actualTime } }))
        : call(api.POST('/bookings/{bookingId}/delivery', {
            ...path,
            body: { actualTime, ...(milesText ? { actualMiles: (Number.isFinite(Number(milesText)) ? Number(milesText) : milesText) as number } : {}) },
          })),
    );
    if (booking) {
      onRecorded(booking);
    }
  }

  const label = kind === 'pickup' ? 'Record the pickup' : 'Record the delivery';
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate class="card" aria-label={label}>
      <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
      <TextField pointer="/actualTime" label={`${kind === 'pickup' ? 'Picked up' : 'Delivered'} at (${zone.replace(/_/g, ' ')} time)`}
        type="datetime-local" {...fieldProps} required />
      {kind === 'delivery' && <TextField pointer="/actualMiles" label="Miles driven loaded (optional)" type="number" {...fieldProps} />}
      <button type="submit" disabled={form.submitting}>{form.submitting ? 'Recording…' : label}</button>
    </form>
  );
}

function Party({ title, party }: { title: string; party: Schemas['RateConfirmationParty'] }) {
  return (
    <div>
      <h3>{title}</h3>
      <p>
        <strong>{party.legalName}</strong>
        {party.dotNumber ? <><br />USDOT {party.dotNumber}</> : null}
        {party.mcNumber ? <><br />MC {party.mcNumber}</> : null}
        <br />
        {party.contact.name}, {party.contact.email}
        {party.contact.phone ? `, ${party.contact.phone}` : ''}
      </p>
    </div>
  );
}

function Stop({ title, stop }: { title: string; stop: Schemas['RateConfirmationStop'] }) {
  const zone = stop.window.timeZone;
  return (
    <div>
      <h3>{title}</h3>
      <p>
        <strong>{stop.place.label ?? `${stop.place.latitude.toFixed(4)}, ${stop.place.longitude.toFixed(4)}`}</strong>
        <br />
        {formatZoned(stop.window.opensAt, zone)} to {formatZoned(stop.window.closesAt, zone)}
      </p>
    </div>
  );
}

/** The rate confirmation as a document: printed alone (print CSS hides the rest of the page). */
function RateConfirmationSheet({ confirmation, booking }: { confirmation: Schemas['RateConfirmation']; booking: Schemas['Booking'] }) {
  const terms = confirmation.accessorials;
  return (
    <article class="rate-confirmation card" aria-labelledby="rate-confirmation-heading">
      <div class="sheet-head">
        <h2 id="rate-confirmation-heading">Rate confirmation</h2>
        <button type="button" class="secondary no-print" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <p>
        Reference <code>{confirmation.reference}</code> · issued {formatInstant(confirmation.issuedAt)} · booking{' '}
        <code>{booking.bookingId}</code>
      </p>
      <div class="columns">
        <Party title="Carrier" party={confirmation.carrier} />
        <Party title="Shipper" party={confirmation.shipper} />
        <Stop title="Pickup" stop={confirmation.pickup} />
        <Stop title="Delivery" stop={confirmation.delivery} />
      </div>
      <dl class="explanation">
        <dt>All-in rate</dt>
        <dd class="all-in-rate">{money(confirmation.allInRate)}</dd>
        <dt>Equipment</dt>
        <dd>{equipmentName(confirmation.equipment)}</dd>
        <dt>Freight</dt>
        <dd>
          {confirmation.commodity}, {confirmation.weightLbs.toLocaleString('en-US')} lbs, {confirmation.pallets} pallets
        </dd>
        <dt>Detention</dt>
        <dd>
          {terms.detentionFreeHours} free hours, then {money(terms.detentionRatePerHour)} an hour
        </dd>
        <dt>Truck ordered, not used</dt>
        <dd>
          {money(confirmation.cancellationTerms.truckOrderedNotUsedFee)} if the shipper cancels within{' '}
          {confirmation.cancellationTerms.windowHours} hours of pickup
        </dd>
        <dt>Payment</dt>
        <dd>net {confirmation.paymentTerms.netDays} days</dd>
      </dl>
    </article>
  );
}
