import { expect, test } from '@playwright/test';
import {
  chronological,
  complianceStatus,
  coverageOrText,
  daysFromNow,
  detentionActions,
  detentionExplanation,
  expiryWords,
  fileRefusal,
  formatBytes,
  gateAdvice,
  hoursAndMinutes,
  trackingEventText,
  trackingPageUrl,
  UPLOAD_MAX_BYTES,
  type TrackingEvent,
} from '../../src/after/afterText';
import { problemOfStorage } from '../../src/after/storageProblem';
import { asProblem } from '../../src/api/problem';
import { formatZoned } from '../../src/api/zoned';

const usd = (minor: number) => ({ amountMinorUnits: minor, currency: 'USD' });

test('a file is checked before the upload with the limits the API states: PDF, JPEG or PNG, 1 byte to 10 MiB', () => {
  expect(fileRefusal({ type: 'application/pdf', size: 1 })).toBeNull();
  expect(fileRefusal({ type: 'image/png', size: UPLOAD_MAX_BYTES })).toBeNull();
  expect(fileRefusal({ type: 'image/jpeg', size: 240_000 })).toBeNull();
  expect(fileRefusal({ type: 'application/pdf', size: UPLOAD_MAX_BYTES + 1 })).toBe('This file is 10.0 MB: at most 10 MB (10,485,760 bytes) is taken.');
  expect(fileRefusal({ type: 'text/html', size: 1200 })).toContain('only PDF, JPEG or PNG');
  expect(fileRefusal({ type: '', size: 1200 })).toContain('unknown type');
  expect(fileRefusal({ type: 'application/pdf', size: 0 })).toBe('This file is empty.');
  expect(fileRefusal(null)).toContain('Choose a file');
});

test('sizes read in bytes, KB and MB', () => {
  expect(formatBytes(812)).toBe('812 bytes');
  expect(formatBytes(245_760)).toBe('240 KB');
  expect(formatBytes(3.4 * 1024 * 1024)).toBe('3.4 MB');
});

test('coverage typed in dollars, with or without thousands separators, is sent in cents; anything else as typed', () => {
  expect(coverageOrText('1,000,000')).toEqual(usd(100_000_000));
  expect(coverageOrText('750000.5')).toEqual(usd(75_000_050));
  expect(coverageOrText('a lot')).toEqual({ amountMinorUnits: 'a lot', currency: 'USD' });
  expect(coverageOrText('')).toEqual({ amountMinorUnits: '', currency: 'USD' });
});

test('every reason the gate refuses with says what the carrier must do; other problems have no advice', () => {
  for (const code of ['AUTHORITY_MISSING', 'AUTHORITY_REVOKED', 'INSURANCE_MISSING', 'INSURANCE_NOT_YET_EFFECTIVE', 'INSURANCE_EXPIRED',
    'INSURANCE_BELOW_REQUIRED_COVERAGE', 'LOAD_GONE']) {
    const advice = gateAdvice(code);
    expect(advice, code).not.toBeNull();
    expect(advice!.what.length).toBeGreaterThan(10);
    expect(advice!.todo.length).toBeGreaterThan(10);
  }
  expect(gateAdvice('INSURANCE_BELOW_REQUIRED_COVERAGE')!.todo).toContain("shipper's required");
  expect(gateAdvice('OFFER_EXPIRED')).toBeNull();
  expect(gateAdvice(undefined)).toBeNull();
});

test("a problem keeps the API's reason code, so the console can explain a refusal", () => {
  expect(asProblem({ title: 'Booking refused', status: 409, reasonCode: 'INSURANCE_EXPIRED' }, 409).reasonCode).toBe('INSURANCE_EXPIRED');
  expect(asProblem({ title: 'Bad request' }, 400).reasonCode).toBeUndefined();
});

test('an expiry warns at 30 and 7 days and blocks once passed', () => {
  expect(expiryWords(200)).toEqual({ text: 'In force for another 200 days.', severity: 'ok' });
  expect(expiryWords(30).severity).toBe('warning');
  expect(expiryWords(30).text).toBe('Expires in 30 days: renew it soon.');
  expect(expiryWords(7).text).toBe('Expires in 7 days: file the renewed certificate now.');
  expect(expiryWords(1).text).toBe('Expires in 1 day: file the renewed certificate now.');
  expect(expiryWords(0).text).toBe('Expires today: file the renewed certificate now.');
  expect(expiryWords(-1)).toEqual({ text: 'Expired 1 day ago: file the renewed certificate.', severity: 'blocking' });
});

const certificate = (daysToExpiry: number, status: 'UPLOADED' | 'AWAITING_UPLOAD' = 'UPLOADED') => ({
  certificateId: '01JDCERT5Q3W8ZB2M4C6E8G0HA', insurer: 'Prairie Mutual', policyNumber: 'CA-1',
  autoLiabilityCoverage: usd(100_000_000), cargoCoverage: usd(10_000_000), effectiveOn: '2026-01-01', expiresOn: '2027-01-01',
  daysToExpiry, declaredAt: '2026-01-01T00:00:00Z',
  file: { contentType: 'application/pdf' as const, sizeBytes: 100, status, requestedAt: '2026-01-01T00:00:00Z' },
});
const authority = { usdotNumber: '3141592', mcNumber: '1087234', status: 'ACTIVE' as const };

test('the compliance record in words: what stops a booking, what needs attention, or that all is well', () => {
  const nothing = complianceStatus({});
  expect(nothing.severity).toBe('blocking');
  expect(nothing.headline).toBe('You cannot be booked yet.');
  expect(nothing.items.map((item) => item.text)).toEqual(['No operating authority filed: enter your USDOT and MC numbers.', 'No insurance certificate filed.']);

  const fine = complianceStatus({ operatingAuthority: authority, insuranceCertificate: certificate(200) });
  expect(fine.severity).toBe('ok');
  expect(fine.headline).toBe('You can be booked: authority active and insurance in force.');

  const soon = complianceStatus({ operatingAuthority: authority, insuranceCertificate: certificate(12) });
  expect(soon.severity).toBe('warning');
  expect(soon.items).toEqual([{ text: 'Expires in 12 days: renew it soon.', severity: 'warning' }]);

  const noFile = complianceStatus({ operatingAuthority: authority, insuranceCertificate: certificate(200, 'AWAITING_UPLOAD') });
  expect(noFile.severity).toBe('blocking');
  expect(noFile.items.map((item) => item.text)).toEqual(["The certificate's file has not arrived: upload it again."]);

  const revoked = complianceStatus({ operatingAuthority: { ...authority, status: 'REVOKED', statusReason: 'out-of-service order' }, insuranceCertificate: certificate(200) });
  expect(revoked.items[0]!.text).toBe('Operating authority revoked (out-of-service order): the exchange must reinstate it.');
});

const event = (sequence: number, type: TrackingEvent['type'], stop: TrackingEvent['stop'], extra: Partial<TrackingEvent> = {}): TrackingEvent => ({
  sequence, type, stop, occurredAt: '2026-11-24T19:42:00Z', recordedAt: '2026-11-24T19:42:01Z', ...extra,
});

test("tracking events read in words, their times in the stop's own zone, oldest first by sequence", () => {
  const zones = (stop: TrackingEvent['stop']) => (stop === 'PICKUP' ? 'America/Chicago' : 'America/New_York');
  expect(trackingEventText(event(1, 'ETA_CHANGED', 'DELIVERY', { eta: '2026-11-24T21:05:00Z' }), zones)).toBe('ETA at the delivery: Tue, Nov 24, 16:05 EST');
  expect(trackingEventText(event(2, 'ETA_CHANGED', 'PICKUP', { eta: '2026-11-24T21:05:00Z', previousEta: '2026-11-24T20:00:00Z' }), zones)).toBe(
    'ETA at the pickup moved from Tue, Nov 24, 14:00 CST to Tue, Nov 24, 15:05 CST',
  );
  expect(trackingEventText(event(3, 'ARRIVED', 'DELIVERY'), zones)).toBe('Arrived at the delivery');
  expect(trackingEventText(event(4, 'DEPARTED', 'PICKUP'), zones)).toBe('Left the pickup');
  expect(trackingEventText(event(5, 'DELAYED', 'DELIVERY', { eta: '2026-11-25T02:00:00Z' }), zones)).toBe(
    'Delayed: expected at the delivery Tue, Nov 24, 21:00 EST, after its window closes',
  );
  expect(trackingEventText(event(6, 'PROOF_OF_DELIVERY', 'DELIVERY'), zones)).toBe('Proof of delivery received');
  expect(chronological([event(3, 'ARRIVED', 'DELIVERY'), event(1, 'DEPARTED', 'PICKUP'), event(2, 'ETA_CHANGED', 'DELIVERY')]).map((item) => item.sequence)).toEqual([1, 2, 3]);
});

test("a tracking link's page keeps the token in the fragment; its expiry is days from now", () => {
  expect(trackingPageUrl('http://localhost:3102', 'trk_abc')).toBe('http://localhost:3102/track/#trk_abc');
  expect(daysFromNow('3', Date.UTC(2026, 10, 24, 18, 0, 0))).toBe('2026-11-27T18:00:00.000Z');
  expect(daysFromNow('0.5', Date.UTC(2026, 10, 24, 18, 0, 0))).toBe('2026-11-25T06:00:00.000Z');
  expect(daysFromNow('soon', 0)).toBe('soon');
});

test('detention in words: the dwell, the free hours, the billed quarter hours at the rate, and who may act', () => {
  expect(hoursAndMinutes(211)).toBe('3 h 31 min');
  expect(hoursAndMinutes(120)).toBe('2 h');
  expect(hoursAndMinutes(45)).toBe('45 min');
  const claimed = {
    stop: 'PICKUP' as const, status: 'CLAIMED' as const, dwellMinutes: 211, freeHours: 2, billedMinutes: 105,
    ratePerHour: usd(5000), charge: usd(8750),
  };
  expect(detentionExplanation(claimed)).toBe(
    '3 h 31 min at the pickup, 2 free hours: 1 h 45 min billed (per started quarter hour) at $50.00 an hour = $87.50.',
  );
  expect(detentionExplanation({ stop: 'DELIVERY', status: 'WITHIN_FREE_TIME', dwellMinutes: 50, freeHours: 1, billedMinutes: 0 })).toBe(
    '50 min at the delivery, within the 1 free hour: no charge.',
  );
  expect(detentionExplanation({ stop: 'DELIVERY', status: 'AWAITING_DEPARTURE' })).toBeNull();
  expect(detentionActions({ ...claimed, status: 'COMPUTED' }, 'CARRIER')).toEqual(['claim']);
  expect(detentionActions({ ...claimed, status: 'COMPUTED' }, 'SHIPPER')).toEqual([]);
  expect(detentionActions(claimed, 'SHIPPER')).toEqual(['confirm', 'dispute']);
  expect(detentionActions(claimed, 'CARRIER')).toEqual([]);
  expect(detentionActions({ ...claimed, status: 'CONFIRMED' }, 'SHIPPER')).toEqual([]);
});

test("storage's XML error becomes a problem with its code and message", () => {
  expect(problemOfStorage(403, '<?xml version="1.0"?><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature does not match</Message></Error>')).toEqual({
    title: 'Storage refused the file', detail: 'SignatureDoesNotMatch: The request signature does not match', status: 403, errors: [],
  });
  expect(problemOfStorage(500, '')).toEqual({ title: 'Storage refused the file', detail: undefined, status: 500, errors: [] });
});

test('a time whose zone is only "Z" or an unknown name is shown in UTC instead of failing the page', () => {
  expect(formatZoned('2026-11-24T19:42:00Z', 'Z')).toBe('Tue, Nov 24, 19:42 UTC');
  expect(formatZoned('2026-11-24T19:42:00Z', 'Mars/Olympus_Mons')).toBe('Tue, Nov 24, 19:42 UTC');
});
