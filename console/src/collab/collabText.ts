import type { Schemas } from '../api/client';

export type AllocationRule = Schemas['AllocationRuleName'];
export type CollaborationRule = Schemas['CollaborationRuleName'];

export const RULE_NAMES: Record<AllocationRule, string> = {
  SHAPLEY: 'Shapley value',
  SAMPLED_SHAPLEY: 'Sampled Shapley value',
  NUCLEOLUS: 'Nucleolus',
  EQUAL_PROFIT: 'Equal profit',
  PROPORTIONAL: 'Proportional',
  EQUAL_SPLIT: 'Equal split',
  SHADOW_PRICES: 'Shadow prices',
};

export const COLLABORATION_RULES = ['SHAPLEY', 'NUCLEOLUS', 'EQUAL_PROFIT', 'SHADOW_PRICES', 'PROPORTIONAL', 'EQUAL_SPLIT'] as const satisfies readonly CollaborationRule[];

export const MEMBER_STATUS_NAMES: Record<Schemas['CollaborationMember']['status'], string> = {
  INVITED: 'Invited',
  ACTIVE: 'Member',
  DECLINED: 'Declined',
  LEFT: 'Left',
};

/** "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) {
    return names[0] ?? '';
  }
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A number in the game's own unit, with thousands separators and at most two decimals. */
export function amount(value: number, unit: string): string {
  const text = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value);
  return unit ? `${unit} ${text}` : text;
}

/**
 * A blocking coalition in words: what its members would get on their own beyond what the rule gives them
 * together. For a COST game, what they would save by leaving.
 */
export function blockingSentence(coalition: Schemas['BlockingCoalition'], kind: Schemas['GameKind'], unit: string): string {
  const who = joinNames(coalition.members);
  const one = coalition.members.length === 1;
  const gap = amount(coalition.gap, unit);
  if (kind === 'COST') {
    const alone = coalition.cost === undefined ? '' : ` (${amount(coalition.cost, unit)} on ${one ? 'its' : 'their'} own, against ${amount(coalition.allocatedCost ?? coalition.cost + coalition.gap, unit)} under this rule)`;
    return `${who} would pay ${gap} less on ${one ? 'its' : 'their'} own than this rule charges ${one ? 'it' : 'them'}${alone}.`;
  }
  const alone = coalition.value === undefined ? '' : ` (${amount(coalition.value, unit)} on ${one ? 'its' : 'their'} own, against ${amount(coalition.allocated ?? coalition.value - coalition.gap, unit)} under this rule)`;
  return `${who} would gain ${gap} more on ${one ? 'its' : 'their'} own than this rule gives ${one ? 'it' : 'them'}${alone}.`;
}

/** The core check of one rule's split, in words. */
export function stabilitySentence(stability: Schemas['Stability']): string {
  if (stability.inCore) {
    return 'Stable: the split is in the core. No group of members would do better on its own.';
  }
  if (!stability.efficient) {
    return 'Not efficient: the shares do not add up to what the whole group makes together.';
  }
  const count = stability.blockingCount;
  return `Not stable: ${count} ${count === 1 ? 'group of members' : 'groups of members'} would do better on ${count === 1 ? 'its' : 'their'} own.`;
}

/** Every non-empty coalition of `players`, singles first, then pairs, and so on: 2^n - 1 of them. */
export function allCoalitions(players: string[]): string[][] {
  const coalitions: string[][] = [];
  for (let mask = 1; mask < 1 << players.length; mask += 1) {
    coalitions.push(players.filter((_, index) => (mask & (1 << index)) !== 0));
  }
  return coalitions.sort((a, b) => a.length - b.length);
}

/** A coalition's key in the form's values, independent of the order its members are listed in. */
export function coalitionKey(members: string[]): string {
  return [...members].sort().join('\u0000');
}

/**
 * The file name of a statement's CSV download: the collaboration's name made safe for every file system,
 * the period and the member, e.g. `texas-backhaul-pool-period-3-01JD…-statement.csv`.
 */
export function statementFileName(collaborationName: string, periodIndex: number, member: string): string {
  const slug = collaborationName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'collaboration'}-period-${periodIndex}-${member}-statement.csv`;
}

/** A partner as the console can name it: the API shows other partners' ids only. */
export function partnerLabel(partnerId: string, you: string): string {
  return partnerId === you ? `You (${partnerId})` : partnerId;
}

/** How many decimals the currency's minor unit has: 2 for USD, 0 for JPY. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Minor units of `currency` as money, e.g. 123456 USD is "$1,234.56". */
export function minorUnits(value: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(value / 10 ** digits);
}

/** Basis points as a percentage: 5000 is "50%". */
export function basisPoints(value: number): string {
  return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value / 100)}%`;
}

export function riskTermsText(terms: Schemas['RiskTerms'], money: (value: Schemas['Money']) => string): string {
  return terms.kind === 'SHARED_FROM_FIRST_CENT'
    ? 'Risk costs shared equally from the first cent'
    : `The member at fault bears risk costs up to ${terms.perMemberCapPerPeriod ? money(terms.perMemberCapPerPeriod) : 'its cap'} per period; the excess is shared equally`;
}
