import { useEffect, useState } from 'preact/hooks';
import { api, call, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { formatInstant } from '../deals/dealText';
import { TextField } from '../ui/fields';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';
import { SettingsNav } from './SettingsNav';

/** Delegations of negotiation to a broker: grant one, see those given and (a broker) held, revoke. */
export function Delegations({ partner }: { partner: Schemas['Partner'] }) {
  const [delegations, setDelegations] = useState<Schemas['Delegations'] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState('');
  const form = useApiForm({}, ['brokerId']);

  async function load() {
    const outcome = await call(api.GET('/partners/me/delegations'));
    if (outcome.ok) {
      setDelegations(outcome.data);
    } else {
      setProblem(outcome.problem);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  async function grant(event: Event) {
    event.preventDefault();
    setNotice('');
    const brokerId = form.values.brokerId?.trim() ?? '';
    const granted = await form.submit(() => call(api.PUT('/partners/me/delegations/{brokerId}', { params: { path: { brokerId } } })));
    if (granted) {
      form.setValues({});
      setNotice(`Broker ${granted.brokerPartnerId} may now negotiate for you.`);
      void load();
    }
  }

  async function revoke(brokerId: string) {
    setProblem(null);
    const outcome = await call(api.DELETE('/partners/me/delegations/{brokerId}', { params: { path: { brokerId } } }));
    if (outcome.ok) {
      setNotice(`Broker ${brokerId} may no longer negotiate for you.`);
      void load();
    } else {
      setProblem(outcome.problem);
    }
  }

  return (
    <main id="main">
      <h1>Settings</h1>
      <SettingsNav current="delegations" />
      <h2>Delegations</h2>
      <p>A broker you delegate to may negotiate for you: open, counter, accept and reject offers in your name, until you revoke it.</p>
      <ProblemAlert problem={problem} />
      <p role="status">{notice}</p>
      <form ref={form.formRef} onSubmit={grant} noValidate class="card narrow" aria-label="Delegate to a broker">
        <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
        <TextField pointer="brokerId" label="Broker's partner id" hint="The broker gives it to you; it is on their Settings page." values={form.values} onInput={form.onInput} errors={form.fieldErrors} required />
        <button type="submit" disabled={form.submitting}>
          {form.submitting ? 'Delegating…' : 'Delegate negotiation'}
        </button>
      </form>
      {delegations === null ? (
        problem ? null : <p>Loading delegations…</p>
      ) : (
        <>
          <h3>Given by you</h3>
          <DelegationTable items={delegations.granted} other="broker" onRevoke={revoke} />
          {partner.roles.includes('BROKER') && (
            <>
              <h3>Held by you, as a broker</h3>
              <DelegationTable items={delegations.held} other="principal" />
              <p>
                Act for a principal under <a href="#/negotiations">Negotiations</a>, <strong>Acting for</strong>.
              </p>
            </>
          )}
        </>
      )}
    </main>
  );
}

function DelegationTable({ items, other, onRevoke }: { items: Schemas['Delegation'][]; other: 'broker' | 'principal'; onRevoke?: (brokerId: string) => void }) {
  if (items.length === 0) {
    return <p>None.</p>;
  }
  return (
    <table class="lanes">
      <thead>
        <tr>
          <th scope="col">{other === 'broker' ? 'Broker' : 'Principal'}</th>
          <th scope="col">Scope</th>
          <th scope="col">Granted</th>
          <th scope="col">Status</th>
          {onRevoke && <th scope="col">Action</th>}
        </tr>
      </thead>
      <tbody>
        {items.map((delegation) => {
          const id = other === 'broker' ? delegation.brokerPartnerId : delegation.principalPartnerId;
          return (
            <tr key={`${id}-${delegation.grantedAt}`} data-partner-id={id}>
              <td>
                <code>{id}</code>
              </td>
              <td>{delegation.scope.toLowerCase()}</td>
              <td>{formatInstant(delegation.grantedAt)}</td>
              <td>{delegation.active ? 'In force' : `Revoked ${delegation.revokedAt ? formatInstant(delegation.revokedAt) : ''}`}</td>
              {onRevoke && (
                <td>
                  {delegation.active && (
                    <button type="button" class="secondary" onClick={() => onRevoke(id)}>
                      Revoke
                    </button>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
