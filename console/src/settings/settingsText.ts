import type { Schemas } from '../api/client';

/** A grace period typed in minutes, in seconds as the API takes it; anything else goes as typed, for the API to refuse. */
export function graceSeconds(minutes: string): number | string | undefined {
  const text = minutes.trim();
  if (text === '') {
    return undefined;
  }
  const value = Number(text);
  return Number.isFinite(value) ? Math.round(value * 60) : text;
}

export const NOTIFICATION_NAMES: Record<Schemas['NotificationType'], string> = {
  MATCH_FOUND: 'Match found',
  PACKAGE_FOUND: 'Reload package found',
  OFFER_RECEIVED: 'Offer received',
  OFFER_COUNTERED: 'Offer countered',
  OFFER_ACCEPTED: 'Offer accepted',
  OFFER_REJECTED: 'Offer rejected',
  OFFER_WITHDRAWN: 'Offer withdrawn',
  OFFER_EXPIRED: 'Offer expired',
  BOOKING_CONFIRMED: 'Booking confirmed',
  BOOKING_PICKED_UP: 'Picked up',
  BOOKING_DELIVERED: 'Delivered',
  BOOKING_CANCELLED: 'Booking cancelled',
  SHIPMENT_ARRIVED: 'Shipment arrived',
  SHIPMENT_DEPARTED: 'Shipment departed',
  ETA_CHANGED: 'ETA changed',
  SHIPMENT_DELAYED: 'Shipment delayed',
  PROOF_OF_DELIVERY: 'Proof of delivery',
  DETENTION_COMPUTED: 'Detention computed',
  DETENTION_CLAIMED: 'Detention claimed',
  DETENTION_CONFIRMED: 'Detention confirmed',
  DETENTION_DISPUTED: 'Detention disputed',
  PACKAGE_OFFER_RECEIVED: 'Package offer received',
  PACKAGE_OFFER_COUNTERED: 'Package offer countered',
  PACKAGE_LEG_ACCEPTED: 'Package leg accepted',
  PACKAGE_BOOKED: 'Package booked',
  PACKAGE_FAILED: 'Package failed',
  COMPLIANCE_EXPIRING: 'Insurance expiring',
};

/** A webhook secret from the browser's CSPRNG: 48 characters of base64url, within the API's 32-256 visible ASCII. */
export function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(36));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A page of a webhook's deliveries: the newest ten, then ten older at a time. */
export const DELIVERIES_PAGE_SIZE = 10;

export const DELIVERIES_HINT =
  'Every attempt to deliver a notification here, newest first, kept 30 days. A failed attempt is tried again with backoff, 8 attempts at most over about 30 minutes; then the exchange gives up.';

export const DELIVERY_OUTCOME_NAMES: Record<Schemas['WebhookDelivery']['outcome'], string> = {
  DELIVERED: 'Delivered',
  FAILED: 'Failed, will retry',
  GAVE_UP: 'Failed, gave up',
};

/** A notification type's name; the test ping is not one a webhook subscribes to, so it is named here. */
export function deliveryTypeName(type: Schemas['WebhookDelivery']['type']): string {
  return type === 'WEBHOOK_TEST' ? 'Test ping' : NOTIFICATION_NAMES[type];
}

/** What the endpoint answered: its HTTP status, or why there was no answer. */
export function deliveryAnswer(delivery: Schemas['WebhookDelivery']): string {
  if (delivery.statusCode !== undefined) {
    return `HTTP ${delivery.statusCode}`;
  }
  return delivery.error ?? 'No answer';
}
