import type { Schemas } from '../api/client';
import { formatZoned } from '../api/zoned';
import { money } from '../pages/laneText';

// What happens after the booking, in words: compliance, documents, tracking, tracking links and detention.
// Pure functions, unit-tested (tests/unit/after.spec.ts).

/** The file types and the largest size the API takes for documents and certificates (ADR 33, ADR 37). */
export const UPLOAD_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number];
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** Why a file cannot be uploaded, before asking the API; null when it can. */
export function fileRefusal(file: { type: string; size: number } | null | undefined): string | null {
  if (!file) {
    return 'Choose a file: a PDF, JPEG or PNG of at most 10 MB.';
  }
  if (!(UPLOAD_CONTENT_TYPES as readonly string[]).includes(file.type)) {
    return `This file is ${file.type ? `of type ${file.type}` : 'of an unknown type'}: only PDF, JPEG or PNG are taken.`;
  }
  if (file.size < 1) {
    return 'This file is empty.';
  }
  if (file.size > UPLOAD_MAX_BYTES) {
    return `This file is ${formatBytes(file.size)}: at most 10 MB (10,485,760 bytes) is taken.`;
  }
  return null;
}

/** "812 bytes", "240 KB", "3.4 MB" (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} bytes`;
  }
  if (bytes < 1024 * 1024) {
    return `${Math.round(bytes / 1024)} KB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Whole dollars or dollars and cents as typed ("750000", "1,000,000.50") in a Coverage; else the text, for the API to refuse. */
export function coverageOrText(text: string | undefined): Schemas['Coverage'] {
  const cleaned = (text ?? '').replace(/,/g, '').trim();
  const amount = Number(cleaned);
  return {
    amountMinorUnits: (cleaned !== '' && Number.isFinite(amount) ? Math.round(amount * 100) : (text ?? '')) as number,
    currency: 'USD',
  };
}

/** Minor units as whole dollars for a form field ("750000"). */
export function dollarsField(value: Schemas['Money'] | undefined): string {
  return value ? String(value.amountMinorUnits / 100) : '';
}

/** What the gate says when it refuses, and what the carrier must do about it. */
export const GATE_REASONS: Record<string, { what: string; todo: string }> = {
  AUTHORITY_MISSING: {
    what: 'The carrier has not filed its operating authority.',
    todo: 'The carrier must enter its USDOT and MC numbers under Settings, Compliance.',
  },
  AUTHORITY_REVOKED: {
    what: "The carrier's operating authority is marked revoked.",
    todo: 'The carrier must have its authority reinstated by the exchange before it can be booked.',
  },
  INSURANCE_MISSING: {
    what: 'The carrier has no insurance certificate on file, or its file never arrived.',
    todo: 'The carrier must file its certificate of insurance and upload the file under Settings, Compliance.',
  },
  INSURANCE_NOT_YET_EFFECTIVE: {
    what: "The carrier's insurance policy starts after the pickup.",
    todo: 'The carrier must file a certificate of a policy in force on the pickup day.',
  },
  INSURANCE_EXPIRED: {
    what: "The carrier's insurance expires before the pickup.",
    todo: 'The carrier must file its renewed certificate of insurance under Settings, Compliance.',
  },
  INSURANCE_BELOW_REQUIRED_COVERAGE: {
    what: "The carrier's coverage is below what the shipper requires.",
    todo: "The carrier must file a certificate with at least the shipper's required auto liability and cargo coverage, or the shipper may lower its requirements.",
  },
  LOAD_GONE: {
    what: 'The load is no longer there to book.',
    todo: 'Nothing the carrier can do: the load was withdrawn or booked elsewhere.',
  },
};

/** A gate refusal in words, or null for any other problem. */
export function gateAdvice(reasonCode: string | undefined): { what: string; todo: string } | null {
  return reasonCode ? GATE_REASONS[reasonCode] ?? null : null;
}

export type Severity = 'ok' | 'warning' | 'blocking';

/** How a certificate's expiry reads: expired, expiring within 7 or 30 days, or in force. */
export function expiryWords(daysToExpiry: number): { text: string; severity: Severity } {
  if (daysToExpiry < 0) {
    const ago = -daysToExpiry;
    return { text: `Expired ${ago} day${ago === 1 ? '' : 's'} ago: file the renewed certificate.`, severity: 'blocking' };
  }
  if (daysToExpiry === 0) {
    return { text: 'Expires today: file the renewed certificate now.', severity: 'warning' };
  }
  const days = `${daysToExpiry} day${daysToExpiry === 1 ? '' : 's'}`;
  if (daysToExpiry <= 7) {
    return { text: `Expires in ${days}: file the renewed certificate now.`, severity: 'warning' };
  }
  if (daysToExpiry <= 30) {
    return { text: `Expires in ${days}: renew it soon.`, severity: 'warning' };
  }
  return { text: `In force for another ${days}.`, severity: 'ok' };
}

/**
 * The compliance record in words: what still stops a booking (blocking), what needs attention soon (warnings),
 * and a headline.
 */
export function complianceStatus(record: Pick<Schemas['CarrierComplianceRecord'], 'insuranceCertificate' | 'operatingAuthority'>): {
  headline: string;
  severity: Severity;
  items: { text: string; severity: Severity }[];
} {
  const items: { text: string; severity: Severity }[] = [];
  const authority = record.operatingAuthority;
  if (!authority) {
    items.push({ text: 'No operating authority filed: enter your USDOT and MC numbers.', severity: 'blocking' });
  } else if (authority.status === 'REVOKED') {
    items.push({
      text: `Operating authority revoked${authority.statusReason ? ` (${authority.statusReason})` : ''}: the exchange must reinstate it.`,
      severity: 'blocking',
    });
  }
  const certificate = record.insuranceCertificate;
  if (!certificate) {
    items.push({ text: 'No insurance certificate filed.', severity: 'blocking' });
  } else {
    if (certificate.file.status !== 'UPLOADED') {
      items.push({ text: "The certificate's file has not arrived: upload it again.", severity: 'blocking' });
    }
    items.push(expiryWords(certificate.daysToExpiry));
  }
  const blocking = items.some((item) => item.severity === 'blocking');
  const warning = items.some((item) => item.severity === 'warning');
  return {
    headline: blocking
      ? 'You cannot be booked yet.'
      : warning
        ? 'You can be booked; something needs your attention soon.'
        : 'You can be booked: authority active and insurance in force.',
    severity: blocking ? 'blocking' : warning ? 'warning' : 'ok',
    items: items.filter((item) => item.severity !== 'ok' || !blocking),
  };
}

export const DOCUMENT_KIND_NAMES: Record<Schemas['BookingDocument']['kind'], string> = {
  BILL_OF_LADING: 'Bill of lading',
  PROOF_OF_DELIVERY: 'Proof of delivery',
  LUMPER_RECEIPT: 'Lumper receipt',
  WEIGHT_TICKET: 'Weight ticket',
};

export const CONTENT_TYPE_NAMES: Record<UploadContentType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

export type TrackingEvent = Schemas['Tracking']['events'][number];
export type StopName = TrackingEvent['stop'];

export const STOP_NAMES: Record<StopName, string> = { PICKUP: 'pickup', DELIVERY: 'delivery' };

/** One tracking event in words, its times in the stop's own zone. */
export function trackingEventText(event: TrackingEvent, zoneOfStop: (stop: StopName) => string): string {
  const zone = zoneOfStop(event.stop);
  const stop = STOP_NAMES[event.stop];
  switch (event.type) {
    case 'ARRIVED':
      return `Arrived at the ${stop}`;
    case 'DEPARTED':
      return `Left the ${stop}`;
    case 'ETA_CHANGED':
      return event.previousEta
        ? `ETA at the ${stop} moved from ${formatZoned(event.previousEta, zone)} to ${event.eta ? formatZoned(event.eta, zone) : 'unknown'}`
        : `ETA at the ${stop}: ${event.eta ? formatZoned(event.eta, zone) : 'unknown'}`;
    case 'DELAYED':
      return `Delayed: expected at the ${stop} ${event.eta ? formatZoned(event.eta, zone) : ''}, after its window closes`.trim();
    case 'PROOF_OF_DELIVERY':
      return 'Proof of delivery received';
  }
}

/** The events oldest first (the API answers newest first), by their sequence numbers. */
export function chronological(events: TrackingEvent[]): TrackingEvent[] {
  return [...events].sort((a, b) => a.sequence - b.sequence);
}

export const TRACKING_LINK_STATUS_NAMES: Record<Schemas['TrackingLink']['status'], string> = {
  ACTIVE: 'Active',
  EXPIRED: 'Expired',
  REVOKED: 'Revoked',
};

/** The public tracking page's address for a link's token: the token stays in the fragment, never sent to a server. */
export function trackingPageUrl(origin: string, token: string): string {
  return `${origin}/track/#${token}`;
}

/** Days as typed to an RFC 3339 instant that many days from `nowMillis`; anything else as typed, for the API to refuse. */
export function daysFromNow(days: string, nowMillis: number): string {
  const value = Number(days.trim());
  return days.trim() !== '' && Number.isFinite(value) ? new Date(nowMillis + value * 86_400_000).toISOString() : days;
}

export const DETENTION_STATUS_NAMES: Record<Schemas['StopDetention']['status'], string> = {
  AWAITING_DEPARTURE: 'Waiting for the truck to leave',
  WITHIN_FREE_TIME: 'Within the free time: no charge',
  COMPUTED: 'Charge computed, not claimed',
  CLAIMED: 'Claimed by the carrier',
  CONFIRMED: 'Confirmed by the shipper',
  DISPUTED: 'Disputed by the shipper',
};

/** "3 h 31 min", "45 min". */
export function hoursAndMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return hours > 0 ? `${hours} h${rest ? ` ${rest} min` : ''}` : `${rest} min`;
}

/** How a stop's detention charge comes about, in one sentence; null before the truck has left. */
export function detentionExplanation(detention: Schemas['StopDetention']): string | null {
  if (detention.dwellMinutes === undefined || detention.freeHours === undefined) {
    return null;
  }
  const dwell = `${hoursAndMinutes(detention.dwellMinutes)} at the ${STOP_NAMES[detention.stop]}`;
  const free = `${detention.freeHours} free hour${detention.freeHours === 1 ? '' : 's'}`;
  if (!detention.billedMinutes || !detention.charge || !detention.ratePerHour) {
    return `${dwell}, within the ${free}: no charge.`;
  }
  return (
    `${dwell}, ${free}: ${hoursAndMinutes(detention.billedMinutes)} billed (per started quarter hour) at ` +
    `${money(detention.ratePerHour)} an hour = ${money(detention.charge)}.`
  );
}

/** What a party may do about a stop's detention now. */
export function detentionActions(detention: Schemas['StopDetention'], side: 'CARRIER' | 'SHIPPER'): ('claim' | 'confirm' | 'dispute')[] {
  if (side === 'CARRIER') {
    return detention.status === 'COMPUTED' ? ['claim'] : [];
  }
  return detention.status === 'CLAIMED' ? ['confirm', 'dispute'] : [];
}
