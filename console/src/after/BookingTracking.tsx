import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, call, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { formatZoned } from '../api/zoned';
import { BOOKING_STATUS_NAMES } from '../deals/dealText';
import { ProblemAlert } from '../ui/ProblemAlert';
import { chronological, STOP_NAMES, trackingEventText, type StopName } from './afterText';
import { TrailMap } from './TrailMap';

/** How often an open booking page reads the tracking again, while the truck is under way. */
const REFRESH_MILLIS = 30_000;

/**
 * A booking's tracking (ADR 30) for both parties: where the truck was last seen, the ETA at the next stop, the
 * numbered events with their times in each stop's own zone, and the way on the map.
 */
export function BookingTracking({ bookingId, confirmation, refreshKey }: {
  bookingId: string;
  confirmation: Schemas['RateConfirmation'];
  refreshKey: number;
}) {
  const [tracking, setTracking] = useState<Schemas['Tracking'] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    let current = true;
    const read = () =>
      call(api.GET('/bookings/{bookingId}/tracking', { params: { path: { bookingId }, query: { limit: 100 } } })).then((outcome) => {
        if (!current) {
          return;
        }
        if (outcome.ok) {
          setTracking(outcome.data);
          setProblem(null);
        } else {
          setProblem(outcome.problem);
        }
      });
    void read();
    const timer = window.setInterval(read, REFRESH_MILLIS);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
  }, [bookingId, refreshKey]);

  const zoneOf = (stop: StopName) => (stop === 'PICKUP' ? confirmation.pickup : confirmation.delivery).window.timeZone;
  const place = (stop: Schemas['RateConfirmationStop'], fallback: string) => ({
    latitude: stop.place.latitude,
    longitude: stop.place.longitude,
    label: stop.place.label ?? fallback,
  });
  const last = tracking?.lastPosition;
  const nextZone = tracking?.nextStop ? zoneOf(tracking.nextStop) : zoneOf('DELIVERY');

  return (
    <section aria-labelledby="tracking-heading" class="no-print">
      <h2 id="tracking-heading">Tracking</h2>
      <ProblemAlert problem={problem} />
      {tracking && (
        <>
          <dl class="explanation">
            <dt>Status</dt>
            <dd>{BOOKING_STATUS_NAMES[tracking.bookingStatus]}</dd>
            <dt>Next stop</dt>
            <dd data-testid="tracking-next-stop">{tracking.nextStop ? `the ${STOP_NAMES[tracking.nextStop]}` : last ? 'none: both stops are behind' : 'not known before the first position'}</dd>
            {tracking.eta && tracking.nextStop && (
              <>
                <dt>ETA at the {STOP_NAMES[tracking.nextStop]}</dt>
                <dd data-testid="tracking-eta">{formatZoned(tracking.eta, nextZone)}</dd>
              </>
            )}
            <dt>Last position</dt>
            <dd>
              {last
                ? `${last.latitudeDegrees.toFixed(3)}, ${last.longitudeDegrees.toFixed(3)} at ${formatZoned(last.reportedAt, nextZone)}` +
                  (last.speedMph !== undefined ? `, ${Math.round(last.speedMph)} mph` : '')
                : 'none reported yet'}
            </dd>
            {(['PICKUP', 'DELIVERY'] as const).map((stop) => {
              const seen = tracking.stops[stop === 'PICKUP' ? 'pickup' : 'delivery'];
              return (
                <Fragment key={stop}>
                  <dt>At the {STOP_NAMES[stop]}</dt>
                  <dd>
                    {seen.arrivedAt ? `arrived ${formatZoned(seen.arrivedAt, zoneOf(stop))}` : 'not arrived'}
                    {seen.departedAt ? `, left ${formatZoned(seen.departedAt, zoneOf(stop))}` : ''}
                    {seen.delayed ? ' (announced late)' : ''}
                  </dd>
                </Fragment>
              );
            })}
          </dl>
          <TrailMap
            pickup={place(confirmation.pickup, 'the pickup')}
            delivery={place(confirmation.delivery, 'the delivery')}
            truck={last ? { latitude: last.latitudeDegrees, longitude: last.longitudeDegrees, label: `the last report, ${formatZoned(last.reportedAt, nextZone)}` } : undefined}
            nextStop={tracking.nextStop}
          />
          <h3>Events</h3>
          {tracking.events.length === 0 ? (
            <p>No events yet: they come as the carrier reports the truck's positions.</p>
          ) : (
            <ol class="history tracking-events" aria-label="Tracking events, oldest first">
              {chronological(tracking.events).map((event) => (
                <li key={event.sequence} data-event-type={event.type}>
                  <span class="sequence">#{event.sequence}</span> {formatZoned(event.occurredAt, zoneOf(event.stop))}:{' '}
                  {trackingEventText(event, zoneOf)}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
