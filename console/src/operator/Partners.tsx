import { useEffect, useState } from 'preact/hooks';
import { api, call, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { formatInstant } from '../deals/dealText';
import { SelectField, TextField } from '../ui/fields';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';

type Partner = Schemas['Partner'];
type PartnerStatus = Schemas['PartnerStatus'];

const STATUS_NAMES: Record<PartnerStatus, string> = { ACTIVE: 'Active', SUSPENDED: 'Suspended' };
const PAGE_SIZE = 25;
const FIND_ID = '#/path/partnerId';

/** A partner id handed to this page in its route (`#/operator/partners?partnerId=…`, from the insurance list). */
function partnerIdInRoute(): string {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('partnerId') ?? '';
}

/**
 * The operator's partners: one partner found by id, and the list by status in registration order, a page at a
 * time. Suspending (with its reason), reinstating and a carrier's operating authority are asked for once more
 * before they are sent.
 */
export function OperatorPartners() {
  const [status, setStatus] = useState<PartnerStatus>('ACTIVE');
  const [partners, setPartners] = useState<Partner[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [found, setFound] = useState<Partner | null>(null);
  const [notice, setNotice] = useState('');
  const find = useApiForm({ [FIND_ID]: partnerIdInRoute() }, [FIND_ID]);

  async function load(cursor?: string) {
    setProblem(null);
    const outcome = await call(api.GET('/operator/partners', { params: { query: { status, limit: PAGE_SIZE, cursor } } }));
    if (outcome.ok) {
      setPartners((previous) => (cursor ? [...(previous ?? []), ...outcome.data.items] : outcome.data.items));
      setNextCursor(outcome.data.nextCursor);
    } else {
      setProblem(outcome.problem);
    }
  }

  useEffect(() => {
    setPartners(null);
    void load();
  }, [status]);

  async function findPartner(event?: Event) {
    event?.preventDefault();
    setFound(null);
    const partnerId = (find.values[FIND_ID] ?? '').trim();
    const partner = await find.submit(() => call(api.GET('/partners/{partnerId}', { params: { path: { partnerId } } })));
    setFound(partner);
  }

  useEffect(() => {
    if (partnerIdInRoute()) {
      void findPartner();
    }
  }, []);

  function changed(partner: Partner, message: string) {
    setNotice(message);
    setPartners((previous) => previous?.map((current) => (current.partnerId === partner.partnerId ? partner : current)) ?? null);
    setFound((current) => (current?.partnerId === partner.partnerId ? partner : current));
  }

  return (
    <main id="main">
      <h1>Partners</h1>
      <p>
        Every partner of the exchange. A suspended partner's keys stop working at once, until it is reinstated. A carrier whose operating authority is
        revoked cannot be booked.
      </p>
      <p role="status" class="notice-status">
        {notice}
      </p>

      <form ref={find.formRef} onSubmit={findPartner} noValidate class="card" aria-labelledby="find-heading">
        <h2 id="find-heading">Find a partner by id</h2>
        <ProblemAlert problem={find.problem} unplaced={find.unplaced} />
        <TextField pointer={FIND_ID} label="Partner id" values={find.values} onInput={find.onInput} errors={find.fieldErrors} hint="As the partner gives it, or as the lists show it." />
        <button type="submit" disabled={find.submitting}>
          {find.submitting ? 'Finding…' : 'Find'}
        </button>
      </form>
      {found && (
        <table class="lanes" aria-label="The partner found">
          <PartnerHead />
          <tbody>
            <PartnerRow partner={found} onChanged={changed} />
          </tbody>
        </table>
      )}

      <h2>By status</h2>
      <SelectField
        pointer="#/query/status"
        label="Status"
        values={{ '#/query/status': status }}
        onInput={(_, value) => setStatus(value as PartnerStatus)}
        errors={new Map()}
        options={[
          { value: 'ACTIVE', label: 'Active' },
          { value: 'SUSPENDED', label: 'Suspended' },
        ]}
      />
      <ProblemAlert problem={problem} />
      {partners === null ? (
        problem ? null : <p>Loading the partners…</p>
      ) : partners.length === 0 ? (
        <p>No {STATUS_NAMES[status].toLowerCase()} partner.</p>
      ) : (
        <table class="lanes">
          <caption class="visually-hidden">{STATUS_NAMES[status]} partners, in registration order</caption>
          <PartnerHead />
          <tbody>
            {partners.map((partner) => (
              <PartnerRow key={partner.partnerId} partner={partner} onChanged={changed} />
            ))}
          </tbody>
        </table>
      )}
      {nextCursor && (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => load(nextCursor)}>
            Show more partners
          </button>
        </div>
      )}
    </main>
  );
}

function PartnerHead() {
  return (
    <thead>
      <tr>
        <th scope="col">Partner</th>
        <th scope="col">Roles</th>
        <th scope="col">Registered</th>
        <th scope="col">Status</th>
        <th scope="col">Actions</th>
      </tr>
    </thead>
  );
}

type Action = 'suspend' | 'reinstate' | 'authority' | null;

function PartnerRow({ partner, onChanged }: { partner: Partner; onChanged: (partner: Partner, message: string) => void }) {
  const [action, setAction] = useState<Action>(null);
  const toggle = (next: Action) => setAction(action === next ? null : next);
  return (
    <tr data-partner-id={partner.partnerId}>
      <td>
        <strong>{partner.legalName}</strong>
        <br />
        <code>{partner.partnerId}</code>
      </td>
      <td>{partner.roles.map((role) => role.toLowerCase()).join(', ')}</td>
      <td>{formatInstant(partner.createdAt)}</td>
      <td>
        <span data-testid="partner-status">{STATUS_NAMES[partner.status]}</span>
        {partner.suspension && (
          <>
            <br />
            since {formatInstant(partner.suspension.suspendedAt)}: {partner.suspension.reason}
          </>
        )}
      </td>
      <td>
        <div class="actions">
          {partner.status === 'ACTIVE' ? (
            <button type="button" class="secondary" aria-expanded={action === 'suspend'} onClick={() => toggle('suspend')}>
              Suspend…
            </button>
          ) : (
            <button type="button" class="secondary" aria-expanded={action === 'reinstate'} onClick={() => toggle('reinstate')}>
              Reinstate…
            </button>
          )}
          {partner.roles.includes('CARRIER') && (
            <button type="button" class="secondary" aria-expanded={action === 'authority'} onClick={() => toggle('authority')}>
              Operating authority…
            </button>
          )}
        </div>
        {action === 'suspend' && (
          <SuspendForm
            partner={partner}
            onDone={(suspended) => {
              setAction(null);
              onChanged(suspended, `${suspended.legalName} is suspended: its keys stopped working.`);
            }}
            onCancel={() => setAction(null)}
          />
        )}
        {action === 'reinstate' && (
          <ReinstateConfirmation
            partner={partner}
            onDone={(reinstated) => {
              setAction(null);
              onChanged(reinstated, `${reinstated.legalName} is reinstated: its keys work again.`);
            }}
            onCancel={() => setAction(null)}
          />
        )}
        {action === 'authority' && <AuthorityForm partner={partner} onCancel={() => setAction(null)} />}
      </td>
    </tr>
  );
}

function SuspendForm({ partner, onDone, onCancel }: { partner: Partner; onDone: (partner: Partner) => void; onCancel: () => void }) {
  const form = useApiForm({}, ['/reason']);

  async function suspend(event: Event) {
    event.preventDefault();
    const suspended = await form.submit(() =>
      call(api.POST('/operator/partners/{partnerId}/suspend', { params: { path: { partnerId: partner.partnerId } }, body: { reason: form.values['/reason'] ?? '' } })),
    );
    if (suspended) {
      onDone(suspended);
    }
  }

  return (
    <form ref={form.formRef} onSubmit={suspend} noValidate class="confirm" aria-label={`Suspend ${partner.legalName}`}>
      <p>
        Suspend {partner.legalName}? Every key of theirs stops working at once, until you reinstate them. The reason is kept with the suspension.
      </p>
      <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
      <TextField pointer="/reason" label="Reason" hint="3 to 500 characters, e.g. Insurance certificate expired." values={form.values} onInput={form.onInput} errors={form.fieldErrors} required />
      <div class="actions">
        <button type="submit" class="danger" disabled={form.submitting}>
          {form.submitting ? 'Suspending…' : 'Suspend the partner'}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ReinstateConfirmation({ partner, onDone, onCancel }: { partner: Partner; onDone: (partner: Partner) => void; onCancel: () => void }) {
  const [problem, setProblem] = useState<Problem | null>(null);

  async function reinstate() {
    setProblem(null);
    const outcome = await call(api.POST('/operator/partners/{partnerId}/reinstate', { params: { path: { partnerId: partner.partnerId } } }));
    if (outcome.ok) {
      onDone(outcome.data);
    } else {
      setProblem(outcome.problem);
    }
  }

  return (
    <div class="confirm" role="group" aria-label={`Reinstate ${partner.legalName}`}>
      <p>Reinstate {partner.legalName}? Their keys that were active work again at once.</p>
      <ProblemAlert problem={problem} />
      <div class="actions">
        <button type="button" onClick={reinstate}>
          Reinstate the partner
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

const AUTHORITY_NAMES = { ACTIVE: 'Active', REVOKED: 'Revoked' } as const;

/** A carrier's operating authority marked revoked (no booking of it from then on) or active again (ADR 37). */
function AuthorityForm({ partner, onCancel }: { partner: Partner; onCancel: () => void }) {
  const form = useApiForm({ '/status': 'REVOKED' }, ['/status', '/reason']);
  const [record, setRecord] = useState<Schemas['CarrierComplianceRecord'] | null>(null);

  async function setAuthority(event: Event) {
    event.preventDefault();
    const changed = await form.submit(() =>
      call(
        api.PUT('/operator/carriers/{partnerId}/authority-status', {
          params: { path: { partnerId: partner.partnerId } },
          body: { status: (form.values['/status'] ?? 'REVOKED') as 'ACTIVE' | 'REVOKED', reason: form.values['/reason'] ?? '' },
        }),
      ),
    );
    if (changed) {
      setRecord(changed);
    }
  }

  const authority = record?.operatingAuthority;
  return (
    <form ref={form.formRef} onSubmit={setAuthority} noValidate class="confirm" aria-label={`Operating authority of ${partner.legalName}`}>
      <p>
        Set the operating authority of {partner.legalName}. While it is revoked, every accept that would book this carrier is refused with
        AUTHORITY_REVOKED, and the carrier is told by webhook. Setting the status it already has changes nothing.
      </p>
      <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
      <SelectField
        pointer="/status"
        label="Authority status"
        values={form.values}
        onInput={form.onInput}
        errors={form.fieldErrors}
        options={[
          { value: 'REVOKED', label: 'Revoked: no booking of this carrier' },
          { value: 'ACTIVE', label: 'Active again' },
        ]}
      />
      <TextField pointer="/reason" label="Reason" hint="1 to 300 characters, e.g. FMCSA out-of-service order of 2026-11-19." values={form.values} onInput={form.onInput} errors={form.fieldErrors} required />
      <div class="actions">
        <button type="submit" class="danger" disabled={form.submitting}>
          {form.submitting ? 'Saving…' : 'Set the authority status'}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          Close
        </button>
      </div>
      {authority && (
        <p role="status" data-testid="authority-status">
          Operating authority USDOT {authority.usdotNumber}, MC {authority.mcNumber}: <strong>{AUTHORITY_NAMES[authority.status]}</strong>
          {authority.statusReason ? ` (${authority.statusReason})` : ''}
          {authority.statusChangedAt ? `, since ${formatInstant(authority.statusChangedAt)}` : ''}.
        </p>
      )}
    </form>
  );
}
