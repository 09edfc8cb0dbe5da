import { useEffect, useState } from 'preact/hooks';
import { api, call, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { money } from '../pages/laneText';
import { ProblemAlert } from '../ui/ProblemAlert';
import { BOOKING_STATUS_NAMES, formatInstant } from './dealText';

/** The caller's bookings, newest first. */
export function Bookings({ partner }: { partner: Schemas['Partner'] }) {
  const [items, setItems] = useState<Schemas['Booking'][] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | undefined>();
  const [problem, setProblem] = useState<Problem | null>(null);

  async function load(cursor?: string) {
    const outcome = await call(api.GET('/bookings', { params: { query: { limit: 50, cursor } } }));
    if (outcome.ok) {
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
    <main id="main">
      <h1>Bookings</h1>
      <ProblemAlert problem={problem} />
      {items === null ? (
        problem ? null : <p>Loading bookings…</p>
      ) : items.length === 0 ? (
        <p>No bookings yet: a negotiation that ends in agreement books the move.</p>
      ) : (
        <table class="lanes">
          <caption class="visually-hidden">Your bookings, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Booking</th>
              <th scope="col">You are</th>
              <th scope="col">Status</th>
              <th scope="col">Agreed</th>
              <th scope="col">Pickup opens</th>
            </tr>
          </thead>
          <tbody>
            {items.map((booking) => (
              <tr key={booking.bookingId} data-booking-id={booking.bookingId}>
                <td>
                  <a href={`#/bookings/${booking.bookingId}`}>{booking.bookingId}</a>
                </td>
                <td>{booking.carrierPartnerId === partner.partnerId ? 'carrier' : 'shipper'}</td>
                <td>{BOOKING_STATUS_NAMES[booking.status]}</td>
                <td>{money(booking.agreedAmount)}</td>
                <td>{formatInstant(booking.pickupWindowOpensAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor && (
        <button type="button" onClick={() => load(nextCursor)}>
          Show more bookings
        </button>
      )}
    </main>
  );
}
