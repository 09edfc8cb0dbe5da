import type { Schemas } from '../api/client';

export type PackageDeal = Schemas['PackageDeal'];
export type PackageDealLeg = Schemas['PackageDealLeg'];

export const DEAL_STATUS_NAMES: Record<PackageDeal['status'], string> = {
  OPEN: 'Open',
  BOOKED: 'Booked',
  FAILED: 'Failed',
};

export const LEG_STATUS_NAMES: Record<PackageDealLeg['status'], string> = {
  AWAITING_SHIPPER: "The shipper's turn",
  AWAITING_CARRIER: "The carrier's turn",
  ACCEPTED: 'Accepted',
  DECLINED: 'Declined',
};

const FAILURE_CAUSES: Record<NonNullable<PackageDeal['failure']>['cause'], string> = {
  DECLINED: 'a shipper declined',
  WITHDRAWN: 'the carrier withdrew it',
  LAPSED: 'an offer lapsed unanswered, or the package passed its deadline',
  SUPERSEDED: 'another booking took one of its lanes',
};

/** Whose turn it is on a leg: the shipper's while it awaits the shipper, the carrier's while it awaits the carrier. */
export function turnOnLeg(leg: PackageDealLeg): Schemas['Side'] | null {
  return leg.status === 'AWAITING_SHIPPER' ? 'SHIPPER' : leg.status === 'AWAITING_CARRIER' ? 'CARRIER' : null;
}

/** Why a package failed, as the caller's side is told: the carrier learns which load, a shipper whether it was its own. */
export function failureText(deal: PackageDeal): string {
  const failure = deal.failure;
  if (!failure) {
    return '';
  }
  const where =
    failure.legIndex !== undefined
      ? ` (on load ${failure.legIndex + 1})`
      : failure.onYourLoad === true
        ? ' (on your load)'
        : failure.onYourLoad === false
          ? ' (not on your load)'
          : '';
  return `The package failed: ${FAILURE_CAUSES[failure.cause]}${where}. Nothing was booked.`;
}

/** What a package deal is, in one line for the inbox: "3 loads, you are the carrier" / "your load 2 of 3". */
export function dealSummary(deal: PackageDeal): string {
  if (deal.yourSide === 'CARRIER') {
    return `${deal.loadsInPackage} loads, as the carrier`;
  }
  const own = deal.legs.map((leg) => `load ${leg.legIndex + 1}`).join(' and ');
  return `Your ${own} of ${deal.loadsInPackage}, as the shipper`;
}

/** The legs on which it is the caller's turn. */
export function legsAwaiting(deal: PackageDeal): PackageDealLeg[] {
  return deal.status === 'OPEN' ? deal.legs.filter((leg) => turnOnLeg(leg) === deal.yourSide) : [];
}
