import type { Schemas } from '../api/client';

type GeoPoint = Schemas['GeoPoint'];
type ReloadPackage = Schemas['ReloadPackage'];

/** One stretch of a package's way: empty (to a pickup, between loads, to the end) or loaded (one load). */
export interface ChainSegment {
  /** The drive plan's leg index: 0 to the first pickup, 1 loaded to its delivery, 2 to the next pickup, … */
  hop: number;
  loaded: boolean;
  /** The load carried (loaded) or driven to (empty, before a pickup); absent for the run to the end. */
  loadIndex?: number;
  from: GeoPoint;
  to: GeoPoint;
  miles: number;
  label: string;
}

/** Load numbers as people count them: load 1 is the first carried. */
export function loadNumber(loadIndex: number): number {
  return loadIndex + 1;
}

/**
 * A package as the truck drives it: empty from where it is empty to load 1's pickup, loaded to its delivery,
 * empty to load 2's pickup, … and empty from the last delivery to where it must end. The hops are numbered as
 * the drive plan's leg indexes.
 */
export function chainSegments(pkg: Pick<ReloadPackage, 'emptyAt' | 'mustEndAt' | 'legs' | 'explanation'>): ChainSegment[] {
  const segments: ChainSegment[] = [];
  let at = pkg.emptyAt;
  pkg.legs.forEach((leg, index) => {
    segments.push({
      hop: 2 * index,
      loaded: false,
      loadIndex: leg.loadIndex,
      from: at,
      to: leg.pickup,
      miles: leg.deadheadToPickupMiles,
      label: index === 0
        ? `empty to load ${loadNumber(leg.loadIndex)}'s pickup`
        : `empty from load ${loadNumber(pkg.legs[index - 1]!.loadIndex)}'s delivery to load ${loadNumber(leg.loadIndex)}'s pickup`,
    });
    segments.push({
      hop: 2 * index + 1,
      loaded: true,
      loadIndex: leg.loadIndex,
      from: leg.pickup,
      to: leg.delivery,
      miles: leg.loadedMiles,
      label: `loaded, load ${loadNumber(leg.loadIndex)}`,
    });
    at = leg.delivery;
  });
  segments.push({
    hop: 2 * pkg.legs.length,
    loaded: false,
    from: at,
    to: pkg.mustEndAt,
    miles: pkg.explanation.destinationDeadheadMiles,
    label: 'empty to the end point',
  });
  return segments;
}

/** What the drive plan's leg index `hop` is, in words ("empty to load 2's pickup"). */
export function hopName(legCount: number, hop: number): string {
  if (hop >= 2 * legCount) {
    return 'empty to the end point';
  }
  const load = Math.floor(hop / 2) + 1;
  return hop % 2 === 0 ? `empty to load ${load}'s pickup` : `loaded, load ${load}`;
}

export function shortPlace(point: GeoPoint): string {
  return point.label ?? `${point.latitudeDegrees.toFixed(2)}, ${point.longitudeDegrees.toFixed(2)}`;
}

/** "Indianapolis, IN → St. Louis, MO → Chicago, IL → Milwaukee, WI": every place the truck stops at, in order. */
export function chainRoute(pkg: Pick<ReloadPackage, 'emptyAt' | 'mustEndAt' | 'legs'>): string {
  const places: string[] = [shortPlace(pkg.emptyAt)];
  for (const leg of pkg.legs) {
    places.push(shortPlace(leg.pickup), shortPlace(leg.delivery));
  }
  places.push(shortPlace(pkg.mustEndAt));
  // The truck often picks up where it is empty or where it just delivered: a place is named once in a row.
  return places.filter((place, index) => index === 0 || place !== places[index - 1]).join(' → ');
}

/** Minutes to spare at a window, in words: "2 h 05 min to spare", "on the dot", "35 min late". */
export function slackText(slackMinutes: number): string {
  if (slackMinutes === 0) {
    return 'on the dot';
  }
  const minutes = Math.abs(slackMinutes);
  const text = minutes >= 60 ? `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min` : `${minutes} min`;
  return slackMinutes > 0 ? `${text} to spare` : `${text} late`;
}

const STOP_NAMES: Record<Schemas['PackageStop']['kind'], string> = {
  PICKUP: 'Pickup',
  DELIVERY: 'Delivery',
  END: 'End point',
};

/** "Pickup, load 2", "End point". */
export function stopName(stop: Schemas['PackageStop']): string {
  return stop.kind === 'END' || stop.loadIndex === undefined
    ? STOP_NAMES[stop.kind]
    : `${STOP_NAMES[stop.kind]}, load ${loadNumber(stop.loadIndex)}`;
}

/** One line of a package's timeline: a stretch of the drive plan, or a stop at its window with its slack. */
export type TimelineEntry =
  | { kind: 'activity'; atMillis: number; activity: Schemas['DriveActivity'] }
  | { kind: 'stop'; atMillis: number; stop: Schemas['PackageStop'] };

function instantMillis(timestamp: string): number {
  return new Date(timestamp.replace(/\[[^\]]+\]$/, '')).getTime();
}

/**
 * The drive plan and the schedule's stops in one timeline, in time order: a stop comes before the dwell that
 * starts at it (service starts, then loading or unloading).
 */
export function timeline(explanation: Pick<ReloadPackage['explanation'], 'drivePlan' | 'schedule'>): TimelineEntry[] {
  const ordered: { entry: TimelineEntry; order: number }[] = [
    ...explanation.drivePlan.activities.map((activity, index) => ({
      entry: { kind: 'activity' as const, atMillis: instantMillis(activity.startsAt), activity },
      order: 1 + index,
    })),
    ...explanation.schedule.map((stop) => ({ entry: { kind: 'stop' as const, atMillis: instantMillis(stop.at), stop }, order: 0 })),
  ];
  return ordered
    .sort((a, b) => a.entry.atMillis - b.entry.atMillis || a.order - b.order)
    .map(({ entry }) => entry);
}
