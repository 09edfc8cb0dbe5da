import { useEffect, useState } from 'preact/hooks';
import type { Schemas } from '../api/client';

export type Side = Schemas['Side'];
export type NegotiationStatus = Schemas['NegotiationStatus'];

export const STATUS_NAMES: Record<NegotiationStatus, string> = {
  OPEN: 'Open',
  AGREED: 'Agreed',
  REJECTED: 'Rejected',
  WITHDRAWN: 'Withdrawn',
  EXPIRED: 'Expired',
  ROUNDS_EXHAUSTED: 'Rounds used up',
  SUPERSEDED: 'Superseded',
};

export const BOOKING_STATUS_NAMES: Record<Schemas['BookingStatus'], string> = {
  BOOKED: 'Booked',
  PICKED_UP: 'Picked up',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
};

export function sideName(side: Side): string {
  return side === 'CARRIER' ? 'carrier' : 'shipper';
}

export function otherSide(side: Side): Side {
  return side === 'CARRIER' ? 'SHIPPER' : 'CARRIER';
}

/**
 * "in 2 h 05 min", "in 45 s", "expired 3 min ago": how long until `instant`, to the minute once it is more than
 * a minute away.
 */
export function countdown(instant: string, nowMillis: number): string {
  const millis = new Date(instant).getTime() - nowMillis;
  if (Number.isNaN(millis)) {
    return instant;
  }
  const seconds = Math.round(Math.abs(millis) / 1000);
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const text =
    days > 0
      ? `${days} d ${hours} h`
      : hours > 0
        ? `${hours} h ${String(minutes).padStart(2, '0')} min`
        : minutes > 0
          ? `${minutes} min`
          : `${seconds} s`;
  return millis >= 0 ? `in ${text}` : `expired ${text} ago`;
}

/** The current time, renewed every `everyMillis` while the component is shown (for countdowns). */
export function useNow(everyMillis = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMillis);
    return () => window.clearInterval(timer);
  }, [everyMillis]);
  return now;
}

/** An instant shown in the browser's own zone, e.g. "Mon, Nov 23, 14:05". */
export function formatInstant(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime())
    ? instant
    : new Intl.DateTimeFormat('en-US', {
        weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
        timeZoneName: 'short',
      }).format(date);
}

/** Dollars as typed ("1250.50") to minor units, or the text itself for the API to refuse. */
export function amountOrText(text: string): Schemas['Money'] {
  const amount = Number(text);
  return {
    amountMinorUnits: (text.trim() !== '' && Number.isFinite(amount) ? Math.round(amount * 100) : text) as number,
    currency: 'USD',
  };
}

/** An offer's expiry `hours` from now, as an RFC 3339 UTC instant. */
export function hoursFromNow(hours: string): string {
  const value = Number(hours);
  return Number.isFinite(value) ? new Date(Date.now() + value * 3_600_000).toISOString() : hours;
}
