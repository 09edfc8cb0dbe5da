import { api, call, type Outcome } from '../api/client';

// The operator signs in with the operator key (ADR 1: `bhxop_` and 43 characters, its hash deployed as
// OperatorKeySha256). It is party to no trade, so `GET /partners/me` refuses it: the console checks it on an
// operator route instead, the cheapest one, and shows the operator's pages. Kept in the first load: it is tiny.
const OPERATOR_KEY_PREFIX = 'bhxop_';

export function looksLikeOperatorKey(apiKey: string | null): boolean {
  return apiKey !== null && apiKey.startsWith(OPERATOR_KEY_PREFIX);
}

/** Whether the stored key is the operator's: one partner of the list, or the API's problem (401 for a wrong key). */
export function checkOperatorKey(): Promise<Outcome<true>> {
  return call(api.GET('/operator/partners', { params: { query: { limit: 1 } } })).then((outcome) =>
    outcome.ok ? { ok: true as const, data: true as const } : outcome,
  );
}
