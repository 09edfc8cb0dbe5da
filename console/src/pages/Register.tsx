import { useState } from 'preact/hooks';
import { api, call, newIdempotencyKey, type Schemas } from '../api/client';
import { rememberApiKey } from '../api/session';
import { CheckboxGroupField, Fieldset, TextField, numberOrText, usdOrText } from '../ui/fields';
import { EQUIPMENT_OPTIONS } from './laneText';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';

const FIELDS = [
  '/legalName',
  '/roles',
  '/contact/name',
  '/contact/email',
  '/contact/phone',
  '/homeBase/latitudeDegrees',
  '/homeBase/longitudeDegrees',
  '/operatingCostPerMile',
  '/fleetEquipment',
];
const ROLES: { value: Schemas['PartnerRole']; label: string }[] = [
  { value: 'CARRIER', label: 'Carrier: we post empty trucks' },
  { value: 'SHIPPER', label: 'Shipper: we post loads' },
  { value: 'BROKER', label: 'Broker: we negotiate for clients' },
];
const FLEET = EQUIPMENT_OPTIONS as { value: Schemas['EquipmentType']; label: string }[];

export function Register({ onSignedIn }: { onSignedIn: (partner: Schemas['Partner']) => void }) {
  const form = useApiForm({}, FIELDS);
  const [roles, setRoles] = useState<Schemas['PartnerRole'][]>([]);
  const [fleet, setFleet] = useState<Schemas['EquipmentType'][]>([]);
  const [registration, setRegistration] = useState<Schemas['PartnerRegistration'] | null>(null);

  async function register(event: Event) {
    event.preventDefault();
    const value = (pointer: string) => form.values[pointer]?.trim() || undefined;
    const body = {
      legalName: value('/legalName'),
      roles,
      contact: { name: value('/contact/name'), email: value('/contact/email'), phone: value('/contact/phone') },
      homeBase: {
        latitudeDegrees: numberOrText(value('/homeBase/latitudeDegrees')),
        longitudeDegrees: numberOrText(value('/homeBase/longitudeDegrees')),
      },
      // The carrier fields are shown, and sent, only for a carrier.
      ...(roles.includes('CARRIER')
        ? { operatingCostPerMile: usdOrText(value('/operatingCostPerMile')), fleetEquipment: fleet.length ? fleet : undefined }
        : {}),
    };
    const created = await form.submit(() =>
      call(
        api.POST('/partners', {
          // The API is the judge of the body: what the user typed goes as typed, and its pointers come back.
          body: body as unknown as Schemas['RegisterPartnerRequest'],
          params: { header: { 'Idempotency-Key': newIdempotencyKey() } },
        }),
      ),
    );
    if (created) {
      setRegistration(created);
    }
  }

  if (registration) {
    return <KeyShownOnce registration={registration} onContinue={onSignedIn} />;
  }

  return (
    <main id="main">
      <h1>Register your company</h1>
      <form ref={form.formRef} onSubmit={register} noValidate class="card">
        <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
        <TextField pointer="/legalName" label="Legal name" autocomplete="organization" errors={form.fieldErrors} onInput={form.onInput} values={form.values} required />
        <CheckboxGroupField
          pointer="/roles"
          legend="What your company does (one or more)"
          options={ROLES}
          checked={roles}
          onChange={setRoles}
          errors={form.fieldErrors}
        />
        <Fieldset legend="Contact">
          <TextField pointer="/contact/name" label="Name" autocomplete="name" values={form.values} onInput={form.onInput} errors={form.fieldErrors} required />
          <TextField pointer="/contact/email" label="Email" type="email" autocomplete="email" values={form.values} onInput={form.onInput} errors={form.fieldErrors} required />
          <TextField pointer="/contact/phone" label="Phone (optional)" type="tel" autocomplete="tel" hint="International format, e.g. +13125550100." values={form.values} onInput={form.onInput} errors={form.fieldErrors} />
        </Fieldset>
        <Fieldset legend="Home base">
          <p class="hint">Where your trucks or freight are based, in decimal degrees (Memphis, TN is 35.1495, -90.049).</p>
          <TextField pointer="/homeBase/latitudeDegrees" label="Latitude" values={form.values} onInput={form.onInput} errors={form.fieldErrors} required />
          <TextField pointer="/homeBase/longitudeDegrees" label="Longitude" values={form.values} onInput={form.onInput} errors={form.fieldErrors} required />
        </Fieldset>
        {roles.includes('CARRIER') && (
          <Fieldset legend="Your trucks (carriers)">
            <TextField pointer="/operatingCostPerMile" label="Operating cost per mile, USD" type="number" hint="What a mile costs you all in, e.g. 2.10; it stays private to you." values={form.values} onInput={form.onInput} errors={form.fieldErrors} required />
            <CheckboxGroupField pointer="/fleetEquipment" legend="Equipment in your fleet" options={FLEET} checked={fleet} onChange={setFleet} errors={form.fieldErrors} />
          </Fieldset>
        )}
        <button type="submit" disabled={form.submitting}>
          {form.submitting ? 'Registering…' : 'Register'}
        </button>
      </form>
      <p>
        Already registered? <a href="#/">Sign in</a>.
      </p>
    </main>
  );
}

function KeyShownOnce({
  registration,
  onContinue,
}: {
  registration: Schemas['PartnerRegistration'];
  onContinue: (partner: Schemas['Partner']) => void;
}) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const token = registration.apiKey.token;

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('yes');
    } catch {
      const input = document.getElementById('issued-api-key') as HTMLInputElement | null;
      input?.select();
      setCopied('failed');
    }
  }

  return (
    <main id="main">
      <h1>{registration.partner.legalName} is registered</h1>
      <section class="card key-once" aria-labelledby="key-heading">
        <h2 id="key-heading">Your API key</h2>
        <p class="warning" id="key-warning">
          <strong>Copy this key now and keep it safe: it is shown only this once.</strong> The exchange stores only
          its hash and cannot show it again. Anyone with it can act for your company.
        </p>
        <label for="issued-api-key">API key</label>
        <div class="key-row">
          <input id="issued-api-key" readOnly value={token} aria-describedby="key-warning" spellcheck={false} />
          <button type="button" onClick={copy}>
            Copy key
          </button>
        </div>
        <p role="status" class="copy-status">
          {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Copying is blocked here: the key is selected, copy it with Ctrl+C.' : ''}
        </p>
        <button
          type="button"
          class="primary"
          onClick={() => {
            rememberApiKey(token);
            onContinue(registration.partner);
          }}
        >
          I have stored the key: continue
        </button>
      </section>
    </main>
  );
}
