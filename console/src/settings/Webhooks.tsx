import { useEffect, useState } from 'preact/hooks';
import { api, call, callWithoutBody, newIdempotencyKey, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { formatInstant } from '../deals/dealText';
import { CheckboxGroupField, TextField } from '../ui/fields';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';
import { SettingsNav } from './SettingsNav';
import { DELIVERIES_HINT, DELIVERIES_PAGE_SIZE, DELIVERY_OUTCOME_NAMES, deliveryAnswer, deliveryTypeName, newWebhookSecret, NOTIFICATION_NAMES } from './settingsText';

type NotificationType = Schemas['NotificationType'];
const TYPES = Object.keys(NOTIFICATION_NAMES) as NotificationType[];

/** The partner's webhooks (at most 3): add one with its event types, send it a test, delete it, read its deliveries. */
export function Webhooks() {
  const [webhooks, setWebhooks] = useState<Schemas['Webhook'][] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState('');
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);

  async function load() {
    const outcome = await call(api.GET('/partners/me/webhooks'));
    if (outcome.ok) {
      setWebhooks(outcome.data.items);
    } else {
      setProblem(outcome.problem);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  async function test(webhookId: string) {
    setProblem(null);
    setNotice('');
    const outcome = await call(api.POST('/partners/me/webhooks/{webhookId}/test', { params: { path: { webhookId } } }));
    if (outcome.ok) {
      setNotice(`Test queued for ${webhookId}: a WEBHOOK_TEST notification with BHX-Event-Id ${outcome.data.eventId} is on its way (retried for about 30 minutes if your endpoint does not answer 2xx).`);
    } else {
      setProblem(outcome.problem);
    }
  }

  async function remove(webhookId: string) {
    setProblem(null);
    const outcome = await callWithoutBody(api.DELETE('/partners/me/webhooks/{webhookId}', { params: { path: { webhookId } } }));
    setDeleting(null);
    if (outcome.ok) {
      setNotice(`Webhook ${webhookId} deleted; notifications not yet delivered to it are dropped.`);
      void load();
    } else {
      setProblem(outcome.problem);
    }
  }

  return (
    <main id="main">
      <h1>Settings</h1>
      <SettingsNav current="webhooks" />
      <h2>Webhooks</h2>
      <p>
        The exchange POSTs your notifications to these addresses as JSON, signed in the <code>BHX-Signature</code> header with your secret (HMAC-SHA256),
        at least once: deduplicate on <code>BHX-Event-Id</code>. At most three webhooks.
      </p>
      <ProblemAlert problem={problem} />
      <p role="status" data-testid="webhook-status">
        {notice}
      </p>
      <div class="actions">
        <button type="button" class="secondary" aria-expanded={adding} onClick={() => setAdding(!adding)}>
          Add a webhook
        </button>
      </div>
      {adding && (
        <AddWebhook
          onAdded={(webhook) => {
            setAdding(false);
            setNotice(`Webhook ${webhook.webhookId} added.`);
            void load();
          }}
        />
      )}
      {webhooks === null ? (
        problem ? null : <p>Loading your webhooks…</p>
      ) : webhooks.length === 0 ? (
        <p>No webhooks yet.</p>
      ) : (
        <table class="lanes">
          <caption class="visually-hidden">Your webhooks</caption>
          <thead>
            <tr>
              <th scope="col">Address</th>
              <th scope="col">Notifications</th>
              <th scope="col">Secret ends in</th>
              <th scope="col">Added</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {webhooks.map((webhook) => (
              <tr key={webhook.webhookId} data-webhook-id={webhook.webhookId}>
                <td>
                  <code>{webhook.url}</code>
                </td>
                <td>{webhook.eventTypes.length === TYPES.length ? 'All' : webhook.eventTypes.map((type) => NOTIFICATION_NAMES[type]).join(', ')}</td>
                <td>
                  <code>…{webhook.secretLastFour}</code>
                </td>
                <td>{formatInstant(webhook.createdAt)}</td>
                <td>
                  <div class="actions">
                    <button type="button" class="secondary" onClick={() => test(webhook.webhookId)}>
                      Send a test
                    </button>
                    {deleting !== webhook.webhookId && (
                      <button type="button" class="secondary" onClick={() => setDeleting(webhook.webhookId)}>
                        Delete…
                      </button>
                    )}
                  </div>
                  {deleting === webhook.webhookId && (
                    <div class="confirm" role="group" aria-label={`Confirm deleting ${webhook.url}`}>
                      <p>Delete this webhook? Notifications not yet delivered to it are dropped.</p>
                      <div class="actions">
                        <button type="button" class="danger" onClick={() => remove(webhook.webhookId)}>
                          Delete the webhook
                        </button>
                        <button type="button" class="secondary" onClick={() => setDeleting(null)}>
                          Keep it
                        </button>
                      </div>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {webhooks !== null && webhooks.map((webhook) => <Deliveries key={webhook.webhookId} webhook={webhook} />)}
    </main>
  );
}

/** One webhook's recent delivery attempts (kept 30 days), newest first, refreshed on demand, older ones page by page. */
function Deliveries({ webhook }: { webhook: Schemas['Webhook'] }) {
  const [items, setItems] = useState<Schemas['WebhookDelivery'][] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  const headingId = `deliveries-${webhook.webhookId}`;

  async function load(cursor?: string) {
    setProblem(null);
    const outcome = await call(
      api.GET('/partners/me/webhooks/{webhookId}/deliveries', {
        params: { path: { webhookId: webhook.webhookId }, query: { limit: DELIVERIES_PAGE_SIZE, cursor } },
      }),
    );
    if (outcome.ok) {
      setItems((shown) => (cursor && shown ? [...shown, ...outcome.data.items] : outcome.data.items));
      setNextCursor(outcome.data.nextCursor);
    } else {
      setProblem(outcome.problem);
    }
  }

  useEffect(() => {
    void load();
  }, [webhook.webhookId]);

  return (
    <section aria-labelledby={headingId} data-deliveries-of={webhook.webhookId}>
      <h3 id={headingId}>
        Deliveries to <code>{webhook.url}</code>
      </h3>
      <p class="hint">{DELIVERIES_HINT}</p>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => load()}>
          Refresh deliveries
        </button>
      </div>
      <ProblemAlert problem={problem} />
      {items === null ? (
        problem ? null : <p>Loading the deliveries…</p>
      ) : items.length === 0 ? (
        <p>No delivery attempts in the last 30 days.</p>
      ) : (
        <table class="lanes">
          <caption class="visually-hidden">Delivery attempts to {webhook.url}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Attempted</th>
              <th scope="col">Notification</th>
              <th scope="col">Attempt</th>
              <th scope="col">Outcome</th>
              <th scope="col">Answer</th>
              <th scope="col">Next attempt</th>
            </tr>
          </thead>
          <tbody>
            {items.map((delivery) => (
              <tr key={`${delivery.eventId}-${delivery.attempt}-${delivery.attemptedAt}`} data-event-id={delivery.eventId}>
                <td>{formatInstant(delivery.attemptedAt)}</td>
                <td>
                  {deliveryTypeName(delivery.type)}
                  <br />
                  <code class="hint">{delivery.eventId}</code>
                </td>
                <td>{delivery.attempt}</td>
                <td>{DELIVERY_OUTCOME_NAMES[delivery.outcome]}</td>
                <td>{deliveryAnswer(delivery)}</td>
                <td>{delivery.nextAttemptAt ? formatInstant(delivery.nextAttemptAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor && (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => load(nextCursor)}>
            Older deliveries
          </button>
        </div>
      )}
    </section>
  );
}

function AddWebhook({ onAdded }: { onAdded: (webhook: Schemas['Webhook']) => void }) {
  const form = useApiForm({ '/secret': newWebhookSecret() }, ['/url', '/secret', '/eventTypes']);
  const [types, setTypes] = useState<NotificationType[]>([]);

  async function add(event: Event) {
    event.preventDefault();
    const added = await form.submit(() =>
      call(
        api.POST('/partners/me/webhooks', {
          params: { header: { 'Idempotency-Key': newIdempotencyKey() } },
          body: { url: form.values['/url']?.trim() ?? '', secret: form.values['/secret'] ?? '', eventTypes: types.length > 0 ? types : undefined },
        }),
      ),
    );
    if (added) {
      onAdded(added);
    }
  }

  return (
    <form ref={form.formRef} onSubmit={add} noValidate class="card" aria-label="Add a webhook">
      <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
      <TextField pointer="/url" label="Address (https)" hint="e.g. https://tms.example.com/bhx/notifications" values={form.values} onInput={form.onInput} errors={form.fieldErrors} required />
      <TextField
        pointer="/secret"
        label="Signing secret"
        hint="32 to 256 visible characters, no spaces. One is drawn for you: copy it to your endpoint now, the exchange never shows it again."
        values={form.values}
        onInput={form.onInput}
        errors={form.fieldErrors}
        required
      />
      <CheckboxGroupField
        pointer="/eventTypes"
        legend="Notifications to send (none ticked: all of them)"
        options={TYPES.map((type) => ({ value: type, label: NOTIFICATION_NAMES[type] }))}
        checked={types}
        onChange={setTypes}
        errors={form.fieldErrors}
      />
      <button type="submit" disabled={form.submitting}>
        {form.submitting ? 'Adding…' : 'Add the webhook'}
      </button>
    </form>
  );
}
