import { useEffect, useState } from 'preact/hooks';
import { api, call, newIdempotencyKey, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { Field, SelectField, TextField } from '../ui/fields';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';
import { AgreementFields, agreementPointers, agreementTerms, agreementValues } from './AgreementFields';
import { MEMBER_STATUS_NAMES, RULE_NAMES } from './collabText';

/** The agreement in force now, else the first one. */
export function currentAgreement(collaboration: Schemas['Collaboration']): Schemas['Agreement'] | undefined {
  return collaboration.currentPeriod?.agreement ?? collaboration.agreements[0]?.agreement;
}

export function yourStatus(collaboration: Schemas['Collaboration']): string {
  const status = collaboration.you.memberStatus ? MEMBER_STATUS_NAMES[collaboration.you.memberStatus] : undefined;
  return collaboration.you.organiser ? (status ? `Organiser, ${status.toLowerCase()}` : 'Organiser') : (status ?? '—');
}

/** The partner's collaborations (organised, member of, invited to), and a form to create one. */
export function Collaborations({ partner }: { partner: Schemas['Partner'] }) {
  const [items, setItems] = useState<Schemas['Collaboration'][] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [creating, setCreating] = useState(false);

  async function load() {
    const outcome = await call(api.GET('/collaborations'));
    if (outcome.ok) {
      setProblem(null);
      setItems(outcome.data.items);
    } else {
      setProblem(outcome.problem);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  return (
    <main id="main">
      <h1>Collaborations</h1>
      <p>
        Pools of partners that share the gain of their backhauls by an agreed rule, settled per period. Try a rule on
        your own numbers with the <a href="#/allocation-preview">allocation preview</a>.
      </p>
      <ProblemAlert problem={problem} />
      <div class="actions">
        <button type="button" class="secondary" aria-expanded={creating} aria-controls="create-collaboration" onClick={() => setCreating(!creating)}>
          Create a collaboration
        </button>
      </div>
      {creating && <CreateCollaboration partner={partner} />}
      {items === null ? (
        problem ? null : <p>Loading collaborations…</p>
      ) : items.length === 0 ? (
        <p>No collaborations yet: create one, or ask a partner to invite you (they need your partner id, {partner.partnerId}).</p>
      ) : (
        <table class="lanes">
          <caption class="visually-hidden">Your collaborations, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Collaboration</th>
              <th scope="col">You</th>
              <th scope="col">Members</th>
              <th scope="col">Rule</th>
              <th scope="col">Period</th>
            </tr>
          </thead>
          <tbody>
            {items.map((collaboration) => {
              const agreement = currentAgreement(collaboration);
              return (
                <tr key={collaboration.collaborationId} data-collaboration-id={collaboration.collaborationId}>
                  <td>
                    <a href={`#/collaborations/${collaboration.collaborationId}`}>{collaboration.name}</a>
                  </td>
                  <td>{yourStatus(collaboration)}</td>
                  <td>
                    {collaboration.members.filter((member) => member.status === 'ACTIVE').length} active,{' '}
                    {collaboration.members.filter((member) => member.status === 'INVITED').length} invited
                  </td>
                  <td>{agreement ? RULE_NAMES[agreement.rule] : '—'}</td>
                  <td>
                    {collaboration.currentPeriod ? `period ${collaboration.currentPeriod.index}` : `starts ${agreement?.startDate ?? '—'}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </main>
  );
}

const CREATE_FIELDS = ['/name', '/organiserRole', '/invitees', ...agreementPointers('/agreement')];

function CreateCollaboration({ partner }: { partner: Schemas['Partner'] }) {
  const form = useApiForm({ '/organiserRole': 'MEMBER', ...agreementValues('/agreement') }, CREATE_FIELDS);
  const broker = partner.roles.includes('BROKER');

  async function create(event: Event) {
    event.preventDefault();
    const invitees = (form.values['/invitees'] ?? '')
      .split(/[\s,]+/)
      .map((id) => id.trim())
      .filter(Boolean);
    const body = {
      name: form.values['/name']?.trim() ?? '',
      organiserRole: (broker ? form.values['/organiserRole'] : 'MEMBER') as 'MEMBER' | 'BROKER',
      invitees,
      agreement: agreementTerms('/agreement', form.values),
    };
    const created = await form.submit(() =>
      call(api.POST('/collaborations', { body, params: { header: { 'Idempotency-Key': newIdempotencyKey() } } })),
    );
    if (created) {
      window.location.hash = `#/collaborations/${created.collaborationId}`;
    }
  }

  return (
    <form id="create-collaboration" ref={form.formRef} onSubmit={create} noValidate class="card" aria-label="Create a collaboration">
      <h2>Create a collaboration</h2>
      <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
      <TextField pointer="/name" label="Name" values={form.values} onInput={form.onInput} errors={form.fieldErrors} required />
      {broker && (
        <SelectField
          pointer="/organiserRole"
          label="You organise it as"
          options={[
            { value: 'MEMBER', label: 'A member pooling your own lanes' },
            { value: 'BROKER', label: 'A broker, for others (not a member)' },
          ]}
          values={form.values}
          onInput={form.onInput}
          errors={form.fieldErrors}
        />
      )}
      <Field pointer="/invitees" label="Partners to invite" errors={form.fieldErrors.get('/invitees')} hint="Their partner ids, one per line (they find theirs under Settings).">
        {(attributes) => (
          <textarea
            {...attributes}
            rows={3}
            aria-required
            value={form.values['/invitees'] ?? ''}
            onInput={(event) => form.onInput('/invitees', (event.currentTarget as HTMLTextAreaElement).value)}
          />
        )}
      </Field>
      <AgreementFields prefix="/agreement" values={form.values} onInput={form.onInput} errors={form.fieldErrors} />
      <button type="submit" disabled={form.submitting}>
        {form.submitting ? 'Creating…' : 'Create and invite'}
      </button>
    </form>
  );
}
