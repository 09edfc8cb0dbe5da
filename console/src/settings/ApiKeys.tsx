import { useEffect, useState } from 'preact/hooks';
import { api, call, callWithoutBody, newIdempotencyKey, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { rememberApiKey } from '../api/session';
import { formatInstant } from '../deals/dealText';
import { ProblemAlert } from '../ui/ProblemAlert';
import { TextField } from '../ui/fields';
import { useApiForm } from '../ui/useApiForm';
import { SettingsNav } from './SettingsNav';
import { graceSeconds } from './settingsText';

const STATUS_NAMES: Record<Schemas['ApiKey']['status'], string> = {
  ACTIVE: 'Active',
  EXPIRING: 'Expiring',
  EXPIRED: 'Expired',
  REVOKED: 'Revoked',
};

/** The partner's API keys: list, issue, rotate with a grace period, revoke after a confirmation. */
export function ApiKeys() {
  const [keys, setKeys] = useState<Schemas['ApiKey'][] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [issued, setIssued] = useState<{ key: Schemas['IssuedApiKey']; replaced?: Schemas['ApiKey'] } | null>(null);
  const [rotating, setRotating] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  async function load() {
    const outcome = await call(api.GET('/partners/me/api-keys'));
    if (outcome.ok) {
      setKeys(outcome.data.items);
    } else {
      setProblem(outcome.problem);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  async function issue() {
    setProblem(null);
    const outcome = await call(api.POST('/partners/me/api-keys', { params: { header: { 'Idempotency-Key': newIdempotencyKey() } } }));
    if (outcome.ok) {
      setIssued({ key: outcome.data });
      void load();
    } else {
      setProblem(outcome.problem);
    }
  }

  async function revoke(keyId: string) {
    setProblem(null);
    const outcome = await callWithoutBody(api.DELETE('/partners/me/api-keys/{keyId}', { params: { path: { keyId } } }));
    setRevoking(null);
    if (outcome.ok) {
      setNotice(`Key ${keyId} is revoked: it stopped working at once.`);
      void load();
    } else {
      setProblem(outcome.problem);
    }
  }

  return (
    <main id="main">
      <h1>Settings</h1>
      <SettingsNav current="keys" />
      <h2>API keys</h2>
      <p>
        Keys are shown once, when they are issued; the exchange keeps only their hash. Rotating a key issues a new one and lets the old one work
        for a grace period, so that your systems can switch. Revoking stops a key at once.
      </p>
      <ProblemAlert problem={problem} />
      <p role="status">{notice}</p>
      {issued && <IssuedKey issued={issued.key} replaced={issued.replaced} onDone={() => setIssued(null)} />}
      <div class="actions">
        <button type="button" class="secondary" onClick={issue}>
          Issue another key
        </button>
      </div>
      {keys === null ? (
        problem ? null : <p>Loading your keys…</p>
      ) : (
        <table class="lanes">
          <caption class="visually-hidden">Your API keys, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">Stops working</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.keyId} data-key-id={key.keyId}>
                <td>
                  <code>{key.keyId}</code>
                </td>
                <td>{STATUS_NAMES[key.status]}</td>
                <td>{formatInstant(key.createdAt)}</td>
                <td>
                  {key.revokedAt ? `revoked ${formatInstant(key.revokedAt)}` : key.expiresAt ? formatInstant(key.expiresAt) : '—'}
                  {key.replacedBy ? ` (replaced by ${key.replacedBy})` : ''}
                </td>
                <td>
                  {key.status === 'ACTIVE' && (
                    <div class="actions">
                      <button type="button" class="secondary" aria-expanded={rotating === key.keyId} onClick={() => setRotating(rotating === key.keyId ? null : key.keyId)}>
                        Rotate
                      </button>
                      {revoking !== key.keyId && (
                        <button type="button" class="secondary" onClick={() => setRevoking(key.keyId)}>
                          Revoke…
                        </button>
                      )}
                    </div>
                  )}
                  {key.status === 'EXPIRING' && revoking !== key.keyId && (
                    <button type="button" class="secondary" onClick={() => setRevoking(key.keyId)}>
                      Revoke now…
                    </button>
                  )}
                  {revoking === key.keyId && (
                    <div class="confirm" role="group" aria-label={`Confirm revoking ${key.keyId}`}>
                      <p>Revoke {key.keyId}? Anything still using it stops working at once. This cannot be undone.</p>
                      <div class="actions">
                        <button type="button" class="danger" onClick={() => revoke(key.keyId)}>
                          Revoke the key
                        </button>
                        <button type="button" class="secondary" onClick={() => setRevoking(null)}>
                          Keep it
                        </button>
                      </div>
                    </div>
                  )}
                  {rotating === key.keyId && (
                    <RotateForm
                      keyId={key.keyId}
                      onRotated={(rotation) => {
                        setRotating(null);
                        setIssued({ key: rotation.apiKey, replaced: rotation.replacedKey });
                        void load();
                      }}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

function RotateForm({ keyId, onRotated }: { keyId: string; onRotated: (rotation: Schemas['ApiKeyRotation']) => void }) {
  const form = useApiForm({ '/gracePeriodSeconds': '60' }, ['/gracePeriodSeconds']);

  async function rotate(event: Event) {
    event.preventDefault();
    const rotation = await form.submit(() =>
      call(
        api.POST('/partners/me/api-keys/{keyId}/rotate', {
          params: { path: { keyId }, header: { 'Idempotency-Key': newIdempotencyKey() } },
          body: { gracePeriodSeconds: graceSeconds(form.values['/gracePeriodSeconds'] ?? '') as number },
        }),
      ),
    );
    if (rotation) {
      onRotated(rotation);
    }
  }

  return (
    <form ref={form.formRef} onSubmit={rotate} noValidate aria-label={`Rotate ${keyId}`} class="inline-form">
      <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
      <TextField
        pointer="/gracePeriodSeconds"
        label="Old key keeps working for (minutes)"
        type="number"
        hint="0 to 10080 (a week)."
        values={form.values}
        onInput={form.onInput}
        errors={form.fieldErrors}
      />
      <button type="submit" disabled={form.submitting}>
        {form.submitting ? 'Rotating…' : 'Rotate the key'}
      </button>
    </form>
  );
}

/** A new key's token, shown this once, with a copy button, as at registration. */
function IssuedKey({ issued, replaced, onDone }: { issued: Schemas['IssuedApiKey']; replaced?: Schemas['ApiKey']; onDone: () => void }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const [using, setUsing] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(issued.token);
      setCopied('yes');
    } catch {
      (document.getElementById('issued-api-key') as HTMLInputElement | null)?.select();
      setCopied('failed');
    }
  }

  return (
    <section class="card key-once" aria-labelledby="new-key-heading">
      <h3 id="new-key-heading">Your new API key {issued.keyId}</h3>
      <p class="warning" id="key-warning">
        <strong>Copy this key now and keep it safe: it is shown only this once.</strong> The exchange stores only its hash and cannot show it
        again.
        {replaced?.expiresAt ? ` The old key ${replaced.keyId} keeps working until ${formatInstant(replaced.expiresAt)}, then stops.` : ''}
      </p>
      <label for="issued-api-key">New API key</label>
      <div class="key-row">
        <input id="issued-api-key" readOnly value={issued.token} aria-describedby="key-warning" spellcheck={false} />
        <button type="button" onClick={copy}>
          Copy key
        </button>
      </div>
      <p role="status" class="copy-status">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Copying is blocked here: the key is selected, copy it with Ctrl+C.' : ''}
        {using ? ' This tab now signs in with the new key.' : ''}
      </p>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          disabled={using}
          onClick={() => {
            rememberApiKey(issued.token);
            setUsing(true);
          }}
        >
          Use the new key in this tab
        </button>
        <button type="button" onClick={onDone}>
          I have stored the key: hide it
        </button>
      </div>
    </section>
  );
}
