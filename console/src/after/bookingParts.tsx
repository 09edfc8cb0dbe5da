import { useState } from 'preact/hooks';
import type { Schemas } from '../api/client';
import { BookingDetention } from './BookingDetention';
import { BookingDocuments } from './BookingDocuments';
import { BookingTracking } from './BookingTracking';
import { TrackingLinks } from './TrackingLinks';

/**
 * What follows the booking on its page, one chunk loaded when a booking is opened: tracking, documents, the
 * shipper's tracking links and detention. A confirmed proof of delivery is a tracking event, so it reads the
 * tracking again.
 */
export function AfterBooking({ booking, confirmation, side }: {
  booking: Schemas['Booking'];
  confirmation: Schemas['RateConfirmation'];
  side: 'CARRIER' | 'SHIPPER';
}) {
  const [reads, setReads] = useState(0);
  const again = () => setReads((count) => count + 1);
  return (
    <>
      <BookingTracking bookingId={booking.bookingId} confirmation={confirmation} refreshKey={reads} />
      <BookingDocuments bookingId={booking.bookingId} carrier={side === 'CARRIER'} status={booking.status} onProofOfDelivery={again} />
      {side === 'SHIPPER' && booking.status !== 'CANCELLED' && <TrackingLinks bookingId={booking.bookingId} />}
      <BookingDetention bookingId={booking.bookingId} side={side} confirmation={confirmation} refreshKey={reads} />
    </>
  );
}
