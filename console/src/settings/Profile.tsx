import { useState } from 'preact/hooks';
import { api, call, type Schemas } from '../api/client';
import { formatInstant } from '../deals/dealText';
import { Fieldset, SelectField, TextField, numberOrText, usdOrText, type Values } from '../ui/fields';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';
import { SettingsNav } from './SettingsNav';

const FIELDS = [
  '/legalName',
  '/contact/name',
  '/contact/email',
  '/contact/phone',
  '/homeBase/latitudeDegrees',
  '/homeBase/longitudeDegrees',
  '/operatingCostPerMile',
  '/dotNumber',
  '/mcNumber',
  '/fleetFuelEconomy',
  '/fleetFuelEconomy/averageMpg',
  '/fleetFuelEconomy/emptyMpg',
  '/fleetFuelEconomy/fullyLadenMpg',
];

/** The fleet fuel economy's form: none (the default truck), one average figure, or empty and fully laden (ADR 47). */
const ECONOMY = '/fleetFuelEconomy';
const ECONOMY_FIELDS = [ECONOMY, '/fleetFuelEconomy/averageMpg', '/fleetFuelEconomy/emptyMpg', '/fleetFuelEconomy/fullyLadenMpg'];
const ECONOMY_FORMS = [
  { value: '', label: 'Not given: the default truck (8.1 mpg empty, 5.8 mpg fully laden)' },
  { value: 'BY_LOAD', label: 'Empty and fully laden figures' },
  { value: 'AVERAGE', label: 'One average figure' },
];

function economyForm(economy: Schemas['FleetFuelEconomy'] | undefined): string {
  if (!economy) return '';
  return economy.averageMpg !== undefined ? 'AVERAGE' : 'BY_LOAD';
}

/** The whole economy as a merge patch: the chosen form's figures and the other form's members removed. */
function economyPatch(value: (pointer: string) => string): Record<string, unknown> | null {
  // Sent as typed when not a number (an empty field too), so that the API's pointer lands at the field.
  const figure = (pointer: string) => numberOrText(value(pointer)) ?? value(pointer);
  switch (value(ECONOMY)) {
    case 'AVERAGE':
      return { fuel: 'DIESEL', averageMpg: figure('/fleetFuelEconomy/averageMpg'), emptyMpg: null, fullyLadenMpg: null };
    case 'BY_LOAD':
      return {
        fuel: 'DIESEL',
        averageMpg: null,
        emptyMpg: figure('/fleetFuelEconomy/emptyMpg'),
        fullyLadenMpg: figure('/fleetFuelEconomy/fullyLadenMpg'),
      };
    default:
      return null;
  }
}

function valuesOf(partner: Schemas['Partner']): Values {
  return {
    '/legalName': partner.legalName,
    '/contact/name': partner.contact.name,
    '/contact/email': partner.contact.email,
    '/contact/phone': partner.contact.phone ?? '',
    '/homeBase/latitudeDegrees': String(partner.homeBase.latitudeDegrees),
    '/homeBase/longitudeDegrees': String(partner.homeBase.longitudeDegrees),
    '/operatingCostPerMile': partner.operatingCostPerMile ? (partner.operatingCostPerMile.amountMinorUnits / 100).toFixed(2) : '',
    '/dotNumber': partner.dotNumber ?? '',
    '/mcNumber': partner.mcNumber ?? '',
    [ECONOMY]: economyForm(partner.fleetFuelEconomy),
    '/fleetFuelEconomy/averageMpg': partner.fleetFuelEconomy?.averageMpg?.toString() ?? '',
    '/fleetFuelEconomy/emptyMpg': partner.fleetFuelEconomy?.emptyMpg?.toString() ?? '',
    '/fleetFuelEconomy/fullyLadenMpg': partner.fleetFuelEconomy?.fullyLadenMpg?.toString() ?? '',
  };
}

/** The partner's profile, read and edited with a JSON Merge Patch of what changed (an emptied optional field is removed). */
export function Profile({ partner, onChanged }: { partner: Schemas['Partner']; onChanged: (partner: Schemas['Partner']) => void }) {
  const form = useApiForm(valuesOf(partner), FIELDS);
  const [saved, setSaved] = useState('');
  const carrier = partner.roles.includes('CARRIER');

  async function save(event: Event) {
    event.preventDefault();
    setSaved('');
    const before = valuesOf(partner);
    const changed = (pointer: string) => (form.values[pointer] ?? '').trim() !== (before[pointer] ?? '').trim();
    const value = (pointer: string) => (form.values[pointer] ?? '').trim();
    // Optional fields emptied are removed (null); required ones go as typed, for the API to refuse.
    const optional = (pointer: string) => (value(pointer) === '' ? null : value(pointer));
    const patch: Record<string, unknown> = {};
    if (changed('/legalName')) patch.legalName = value('/legalName');
    const contact: Record<string, unknown> = {};
    if (changed('/contact/name')) contact.name = value('/contact/name');
    if (changed('/contact/email')) contact.email = value('/contact/email');
    if (changed('/contact/phone')) contact.phone = optional('/contact/phone');
    if (Object.keys(contact).length > 0) patch.contact = contact;
    if (changed('/homeBase/latitudeDegrees') || changed('/homeBase/longitudeDegrees')) {
      patch.homeBase = {
        latitudeDegrees: numberOrText(value('/homeBase/latitudeDegrees')),
        longitudeDegrees: numberOrText(value('/homeBase/longitudeDegrees')),
      };
    }
    if (changed('/operatingCostPerMile')) patch.operatingCostPerMile = usdOrText(value('/operatingCostPerMile')) ?? null;
    if (changed('/dotNumber')) patch.dotNumber = optional('/dotNumber');
    if (changed('/mcNumber')) patch.mcNumber = optional('/mcNumber');
    if (ECONOMY_FIELDS.some(changed)) patch.fleetFuelEconomy = economyPatch(value);
    if (Object.keys(patch).length === 0) {
      setSaved('Nothing changed.');
      return;
    }
    const updated = await form.submit(() =>
      call(api.PATCH('/partners/me', { body: patch as Schemas['UpdatePartnerRequest'] })),
    );
    if (updated) {
      onChanged(updated);
      form.setValues(valuesOf(updated));
      setSaved('Profile saved.');
    }
  }

  return (
    <main id="main">
      <h1>Settings</h1>
      <SettingsNav current="profile" />
      <h2>Profile</h2>
      <dl class="explanation">
        <dt>Partner id</dt>
        <dd>
          <code data-testid="partner-id">{partner.partnerId}</code> (give it to partners who invite you to a collaboration, or to a broker)
        </dd>
        <dt>Roles</dt>
        <dd>{partner.roles.map((role) => role.toLowerCase()).join(', ')}</dd>
        <dt>Status</dt>
        <dd>{partner.status.toLowerCase()}</dd>
        <dt>Registered</dt>
        <dd>{formatInstant(partner.createdAt)}</dd>
      </dl>
      <form ref={form.formRef} onSubmit={save} noValidate class="card" aria-label="Profile">
        <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
        <TextField pointer="/legalName" label="Legal name" autocomplete="organization" values={form.values} onInput={form.onInput} errors={form.fieldErrors} required />
        <Fieldset legend="Contact">
          <TextField pointer="/contact/name" label="Name" autocomplete="name" values={form.values} onInput={form.onInput} errors={form.fieldErrors} required />
          <TextField pointer="/contact/email" label="Email" type="email" autocomplete="email" values={form.values} onInput={form.onInput} errors={form.fieldErrors} required />
          <TextField pointer="/contact/phone" label="Phone (optional)" type="tel" autocomplete="tel" hint="International format, e.g. +13125550100. Empty removes it." values={form.values} onInput={form.onInput} errors={form.fieldErrors} />
        </Fieldset>
        <Fieldset legend="Home base, decimal degrees">
          <TextField pointer="/homeBase/latitudeDegrees" label="Latitude" values={form.values} onInput={form.onInput} errors={form.fieldErrors} required />
          <TextField pointer="/homeBase/longitudeDegrees" label="Longitude" values={form.values} onInput={form.onInput} errors={form.fieldErrors} required />
        </Fieldset>
        {carrier && (
          <Fieldset legend="Carrier">
            <TextField pointer="/operatingCostPerMile" label="Operating cost per mile, USD" type="number" hint="Private to you." values={form.values} onInput={form.onInput} errors={form.fieldErrors} />
            <TextField pointer="/dotNumber" label="USDOT number (optional)" values={form.values} onInput={form.onInput} errors={form.fieldErrors} />
            <TextField pointer="/mcNumber" label="MC number (optional)" hint="e.g. MC-765432" values={form.values} onInput={form.onInput} errors={form.fieldErrors} />
          </Fieldset>
        )}
        {carrier && (
          <Fieldset legend="Fleet fuel economy, diesel, miles per US gallon">
            <SelectField
              pointer={ECONOMY}
              label="Your fleet's fuel economy"
              options={ECONOMY_FORMS}
              hint="Trucks you post from now on carry it, and their CO₂e figures use it instead of the default truck. Trucks already posted keep what they were posted with."
              values={form.values}
              onInput={form.onInput}
              errors={form.fieldErrors}
            />
            {form.values[ECONOMY] === 'AVERAGE' && (
              <TextField pointer="/fleetFuelEconomy/averageMpg" label="Average mpg" type="number" hint="2 to 20. An average over laden and empty miles counts every empty mile avoided at it: give empty and fully laden figures if you know them." values={form.values} onInput={form.onInput} errors={form.fieldErrors} />
            )}
            {form.values[ECONOMY] === 'BY_LOAD' && (
              <>
                <TextField pointer="/fleetFuelEconomy/emptyMpg" label="Empty mpg" type="number" hint="2 to 20." values={form.values} onInput={form.onInput} errors={form.fieldErrors} />
                <TextField pointer="/fleetFuelEconomy/fullyLadenMpg" label="Fully laden mpg" type="number" hint="At full payload: 2 to 20, and not above the empty figure." values={form.values} onInput={form.onInput} errors={form.fieldErrors} />
              </>
            )}
          </Fieldset>
        )}
        <p role="status">{saved}</p>
        <button type="submit" disabled={form.submitting}>
          {form.submitting ? 'Saving…' : 'Save the profile'}
        </button>
      </form>
    </main>
  );
}
