import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { asProblem, unreachable, type Problem } from './problem';
import { storedApiKey } from './session';

export type Schemas = components['schemas'];

// The console is served from the API's own origin (ADR 28), so the API is at the page's origin.
export const api = createClient<paths>({ baseUrl: window.location.origin });

const authorization: Middleware = {
  onRequest({ request, schemaPath }) {
    const apiKey = storedApiKey();
    if (apiKey && schemaPath !== '/partners') {
      request.headers.set('Authorization', `Bearer ${apiKey}`);
    }
    return request;
  },
};
api.use(authorization);

/** How many calls are in flight, for the progress indicator. */
type BusyListener = (callsInFlight: number) => void;
const busyListeners = new Set<BusyListener>();
let callsInFlight = 0;

function setCallsInFlight(count: number) {
  callsInFlight = count;
  busyListeners.forEach((listener) => listener(callsInFlight));
}

export function onBusyChange(listener: BusyListener): () => void {
  busyListeners.add(listener);
  return () => busyListeners.delete(listener);
}

export type Outcome<T> = { ok: true; data: T } | { ok: false; problem: Problem };

/** Runs one API call: its data, or its problem (a network failure becomes one too). */
export async function call<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<Outcome<T>> {
  setCallsInFlight(callsInFlight + 1);
  try {
    const { data, error, response } = await request;
    if (response.ok && data !== undefined) {
      return { ok: true, data };
    }
    return { ok: false, problem: asProblem(error, response.status) };
  } catch (cause) {
    return { ok: false, problem: unreachable(cause) };
  } finally {
    setCallsInFlight(callsInFlight - 1);
  }
}

/** A fresh Idempotency-Key (16-255 visible ASCII characters) for one creating POST. */
export function newIdempotencyKey(): string {
  return `console-${crypto.randomUUID()}`;
}

/** A call the API answers with no body (204): whether it was done, or its problem. */
export function callWithoutBody(request: Promise<{ error?: unknown; response: Response }>): Promise<Outcome<true>> {
  return call(request.then((result) => ({ ...result, data: result.response.ok ? (true as const) : undefined })));
}
