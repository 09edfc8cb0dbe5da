import { useEffect, useState } from 'preact/hooks';
import { api, call, callWithoutBody, newIdempotencyKey, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { formatInstant } from '../deals/dealText';
import { TextField } from '../ui/fields';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';
import { daysFromNow, TRACKING_LINK_STATUS_NAMES, trackingPageUrl } from './afterText';

/**
 * The shipper's tracking links (ADR 33): a read-only page of the shipment for its own customer, with an expiry;
 * the link is shown once, with a copy button, and can be revoked.
 */
export function TrackingLinks({ bookingId }: { bookingId: string }) {
  const [links, setLinks] = useState<Schemas['TrackingLink'][] | null>(null);
  const [created, setCreated] = useState<Schemas['TrackingLink'] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState('');
  const form = useApiForm({ '/expiresAt': '3' }, ['/expiresAt']);
  const path = { params: { path: { bookingId } } };

  async function load() {
    const outcome = await call(api.GET('/bookings/{bookingId}/tracking-links', path));
    if (outcome.ok) {
      setLinks(outcome.data.items);
    } else {
      setProblem(outcome.problem);
    }
  }

  useEffect(() => {
    void load();
  }, [bookingId]);

  async function create(event: Event) {
    event.preventDefault();
    setNotice('');
    const expiresAt = daysFromNow(form.values['/expiresAt'] ?? '', Date.now());
    const link = await form.submit(() =>
      call(api.POST('/bookings/{bookingId}/tracking-links', {
        params: { path: { bookingId }, header: { 'Idempotency-Key': newIdempotencyKey() } },
        body: { expiresAt },
      })),
    );
    if (link) {
      setCreated(link);
      void load();
    }
  }

  async function revoke(linkId: string) {
    setProblem(null);
    const outcome = await callWithoutBody(api.DELETE('/bookings/{bookingId}/tracking-links/{linkId}', { params: { path: { bookingId, linkId } } }));
    if (outcome.ok) {
      if (created?.linkId === linkId) {
        setCreated(null);
      }
      setNotice('Link revoked: it shows nothing any more.');
      void load();
    } else {
      setProblem(outcome.problem);
    }
  }

  return (
    <section aria-labelledby="tracking-links-heading" class="no-print">
      <h2 id="tracking-links-heading">Tracking links for your customer</h2>
      <p>
        A link shows the shipment's status, its rough area and the ETA to whoever holds it, without an API key: no parties, prices or exact
        position. It works until it expires or you revoke it.
      </p>
      <ProblemAlert problem={problem} />
      <p role="status">{notice}</p>
      <form ref={form.formRef} onSubmit={create} noValidate class="card narrow" aria-label="Create a tracking link">
        <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
        <TextField pointer="/expiresAt" label="Works for (days)" hint="At most 30 days." type="number" values={form.values} onInput={form.onInput}
          errors={form.fieldErrors} required />
        <button type="submit" disabled={form.submitting}>
          {form.submitting ? 'Creating…' : 'Create a tracking link'}
        </button>
      </form>
      {created?.token && <CreatedLink link={created} token={created.token} onHide={() => setCreated(null)} />}
      {links && links.length > 0 && (
        <table class="lanes tracking-links">
          <caption class="visually-hidden">The booking's tracking links, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Status</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {links.map((link) => (
              <tr key={link.linkId} data-link-id={link.linkId}>
                <td>{formatInstant(link.createdAt)}</td>
                <td>{formatInstant(link.expiresAt)}</td>
                <td>
                  {TRACKING_LINK_STATUS_NAMES[link.status]}
                  {link.revokedAt ? ` ${formatInstant(link.revokedAt)}` : ''}
                </td>
                <td>
                  {link.status === 'ACTIVE' && (
                    <button type="button" class="secondary" onClick={() => revoke(link.linkId)}>
                      Revoke <span class="visually-hidden">the link created {formatInstant(link.createdAt)}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CreatedLink({ link, token, onHide }: { link: Schemas['TrackingLink']; token: string; onHide: () => void }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const url = trackingPageUrl(window.location.origin, token);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      (document.getElementById('tracking-link-url') as HTMLInputElement | null)?.select();
      setCopied('failed');
    }
  }

  return (
    <section class="card key-once" aria-labelledby="created-link-heading">
      <h3 id="created-link-heading">Your new tracking link</h3>
      <p class="warning" id="tracking-link-warning">
        <strong>Copy the link now: it is shown only this once.</strong> It works until {formatInstant(link.expiresAt)}.
      </p>
      <label for="tracking-link-url">Tracking link</label>
      <div class="key-row">
        <input id="tracking-link-url" readOnly value={url} aria-describedby="tracking-link-warning" spellcheck={false} />
        <button type="button" onClick={copy}>
          Copy link
        </button>
      </div>
      <p role="status" class="copy-status">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Copying is blocked here: the link is selected, copy it with Ctrl+C.' : ''}
      </p>
      <button type="button" class="secondary" onClick={onHide}>
        I have the link: hide it
      </button>
    </section>
  );
}
