import { useEffect, useState } from 'preact/hooks';
import { api, call, type Schemas } from '../api/client';
import { numberOrText, TextField } from '../ui/fields';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';

type Certificate = Schemas['ExpiringInsurancePage']['items'][number];

const WITHIN_DAYS = '#/query/withinDays';
const PAGE_SIZE = 25;

/** "in 12 days", "today", "3 days ago". */
function daysText(days: number): string {
  if (days === 0) {
    return 'today';
  }
  if (days < 0) {
    return `${-days} ${days === -1 ? 'day' : 'days'} ago`;
  }
  return `in ${days} ${days === 1 ? 'day' : 'days'}`;
}

/** Carriers whose insurance certificate expires within N days (30 by default), soonest first (ADR 37). */
export function ExpiringInsurance() {
  const form = useApiForm({ [WITHIN_DAYS]: '30' }, [WITHIN_DAYS]);
  const [items, setItems] = useState<Certificate[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | undefined>(undefined);
  const [withinDays, setWithinDays] = useState('30');

  async function load(cursor?: string) {
    const days = form.values[WITHIN_DAYS] ?? '';
    const page = await form.submit(() =>
      call(
        api.GET('/operator/compliance/expiring-insurance', {
          // Sent as typed when it is no number, so that the API names the field.
          params: { query: { withinDays: numberOrText(days) as number | undefined, limit: PAGE_SIZE, cursor } },
        }),
      ),
    );
    if (page) {
      setItems((previous) => (cursor ? [...(previous ?? []), ...page.items] : page.items));
      setNextCursor(page.nextCursor);
      setWithinDays(days);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  return (
    <main id="main">
      <h1>Insurance expiring</h1>
      <p>
        Carriers whose insurance certificate expires soon, soonest first. Once it has expired, every accept that would book the carrier is refused
        with INSURANCE_EXPIRED; the carrier is told by webhook before that.
      </p>
      <form
        ref={form.formRef}
        onSubmit={(event) => {
          event.preventDefault();
          void load();
        }}
        noValidate
        class="card narrow"
        aria-label="Expiring within"
      >
        <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
        <TextField pointer={WITHIN_DAYS} label="Expiring within (days)" type="number" hint="0 to 365." values={form.values} onInput={form.onInput} errors={form.fieldErrors} />
        <button type="submit" disabled={form.submitting}>
          Show the carriers
        </button>
      </form>
      {items === null ? (
        form.problem ? null : <p>Loading the certificates…</p>
      ) : items.length === 0 ? (
        <p>No carrier's insurance expires within {withinDays} days.</p>
      ) : (
        <table class="lanes">
          <caption>Certificates expiring within {withinDays} days</caption>
          <thead>
            <tr>
              <th scope="col">Carrier</th>
              <th scope="col">Insurer</th>
              <th scope="col">Expires on</th>
              <th scope="col">Expires</th>
              <th scope="col">Operating authority</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.certificateId} data-carrier-id={item.carrierId}>
                <td>
                  <a href={`#/operator/partners?partnerId=${encodeURIComponent(item.carrierId)}`}>
                    <code>{item.carrierId}</code>
                  </a>
                </td>
                <td>{item.insurer}</td>
                <td>{item.expiresOn}</td>
                <td>{daysText(item.daysToExpiry)}</td>
                <td>{item.authorityStatus === 'REVOKED' ? 'Revoked' : item.authorityStatus === 'ACTIVE' ? 'Active' : 'not declared'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor && (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => load(nextCursor)}>
            Show more certificates
          </button>
        </div>
      )}
    </main>
  );
}
