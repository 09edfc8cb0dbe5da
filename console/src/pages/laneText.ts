import type { Schemas } from '../api/client';
import { formatZoned } from '../api/zoned';

type GeoPoint = Schemas['GeoPoint'];

/** Where a lane starts and ends: a truck's empty point and end point, a load's origin and destination. */
export function laneEnds(lane: Schemas['Lane']): [GeoPoint, GeoPoint] {
  return lane.kind === 'CAPACITY' ? [lane.emptyAt, lane.mustEndAt] : [lane.origin, lane.destination];
}

export function placeName(point: GeoPoint): string {
  return point.label ?? `${point.latitudeDegrees.toFixed(3)}, ${point.longitudeDegrees.toFixed(3)}`;
}

export function kindName(lane: Schemas['Lane']): string {
  return lane.kind === 'CAPACITY' ? 'Truck' : 'Load';
}

export function laneRoute(lane: Schemas['Lane']): string {
  const [from, to] = laneEnds(lane);
  return `${placeName(from)} → ${placeName(to)}`;
}

/** When the lane can move: a truck's availability, a load's pickup window. */
export function laneWhen(lane: Schemas['Lane']): string {
  return lane.kind === 'CAPACITY'
    ? `${formatZoned(lane.availableFrom)} to ${formatZoned(lane.mustArriveBy)}`
    : `pickup ${formatZoned(lane.pickupWindow.opensAt)} to ${formatZoned(lane.pickupWindow.closesAt)}`;
}

export function laneTitle(lane: Schemas['Lane']): string {
  return `${kindName(lane)} ${laneRoute(lane)} (${lane.status.toLowerCase()})`;
}

const EQUIPMENT_NAMES: Record<Schemas['EquipmentType'], string> = {
  DRY_VAN: 'Dry van',
  REEFER: 'Reefer',
  FLATBED: 'Flatbed',
  STEP_DECK: 'Step deck',
  CONESTOGA: 'Conestoga',
  POWER_ONLY: 'Power only',
  TANKER: 'Tanker',
  BOX_TRUCK: 'Box truck',
};

export const EQUIPMENT_OPTIONS = Object.entries(EQUIPMENT_NAMES).map(([value, label]) => ({ value, label }));

export function equipmentName(equipment: Schemas['EquipmentType']): string {
  return EQUIPMENT_NAMES[equipment] ?? equipment;
}

export function money(amount: Schemas['Money'] | undefined): string {
  if (!amount) {
    return '—';
  }
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: amount.currency });
  const minorDigits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount.amountMinorUnits / 10 ** minorDigits);
}

export function miles(value: number): string {
  return `${Math.round(value).toLocaleString('en-US')} mi`;
}
