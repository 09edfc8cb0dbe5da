// Windows are entered as wall-clock times in a chosen IANA zone and sent as the API's zoned timestamps
// (RFC 3339 with the zone's offset at that instant, then the zone in brackets: RFC 9557).

/** The zone's UTC offset in minutes at the instant `utcMillis`. */
function offsetMinutes(timeZone: string, utcMillis: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMillis));
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second'));
  return Math.round((asUtc - utcMillis) / 60_000);
}

/**
 * `2026-11-23T06:00` in `America/Chicago` becomes `2026-11-23T06:00:00-06:00[America/Chicago]`. A wall time
 * skipped by a daylight-saving change is read with the offset before the change; an empty or unreadable
 * input is passed on as typed, for the API to name what is wrong with it.
 */
export function toZonedTimestamp(wallTime: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wallTime);
  if (!match) {
    return wallTime;
  }
  const [, year, month, day, hour, minute, second = '00'] = match;
  const wallAsUtc = Date.UTC(+year!, +month! - 1, +day!, +hour!, +minute!, +second);
  // The offset at the instant the wall time would be in UTC is right except within hours of a change;
  // the second pass corrects it there.
  let offset = offsetMinutes(timeZone, wallAsUtc);
  offset = offsetMinutes(timeZone, wallAsUtc - offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${sign}${hours}:${minutes}[${timeZone}]`;
}

/** US zones first (the map is of the US), then the European ones of the gazetteer's EU cities. */
export const TIME_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'UTC',
];

/** The browser's own zone when it is one of the list, else Chicago (central US). */
export function defaultTimeZone(): string {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return TIME_ZONES.includes(own) ? own : 'America/Chicago';
}

/** The IANA zone in a zoned timestamp's brackets, if it has one. */
export function zoneOf(timestamp: string): string | undefined {
  return /\[([^\]]+)\]$/.exec(timestamp)?.[1];
}

/**
 * A zoned timestamp shown in its own zone, e.g. `Mon, Nov 23, 06:00 CST`; a timestamp without a zone is shown
 * in `zone` (UTC by default).
 */
export function formatZoned(timestamp: string, zone: string = zoneOf(timestamp) ?? 'UTC'): string {
  const instant = new Date(timestamp.replace(/\[[^\]]+\]$/, ''));
  if (Number.isNaN(instant.getTime())) {
    return timestamp;
  }
  const format = (timeZone: string) =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    }).format(instant);
  // A window sent as a bare UTC or offset timestamp has that as its zone ("Z", "+02:00"): shown in UTC rather
  // than failing the page when the browser knows no such zone.
  try {
    return format(zone === 'Z' ? 'UTC' : zone);
  } catch {
    return format('UTC');
  }
}
