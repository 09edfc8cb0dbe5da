import { api, call, newIdempotencyKey, type Schemas } from '../api/client';
import { defaultTimeZone, TIME_ZONES, toZonedTimestamp } from '../api/zoned';
import { Fieldset, numberOrText, SelectField, TextField, usdOrText, type Values } from '../ui/fields';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';
import { EQUIPMENT_OPTIONS } from './laneText';

export type LaneKind = 'CAPACITY' | 'LOAD';

const TIME_ZONE = 'timeZone';
const TRUCK_FIELDS = [
  '/emptyAt/name', '/emptyAt/stateOrCountry', '/mustEndAt/name', '/mustEndAt/stateOrCountry', '/availableFrom',
  '/mustArriveBy', '/equipment', '/weightCapacityLbs', '/palletCapacity', '/maxOriginDeadheadMiles',
  '/maxDestinationDeadheadMiles', '/minimumRatePerLoadedMile',
];
const LOAD_FIELDS = [
  '/origin/name', '/origin/stateOrCountry', '/destination/name', '/destination/stateOrCountry',
  '/pickupWindow/opensAt', '/pickupWindow/closesAt', '/deliveryWindow/opensAt', '/deliveryWindow/closesAt',
  '/equipment', '/weightLbs', '/pallets', '/commodity', '/budget',
];

/** A `datetime-local` value `days` from today at `hour`:00, in the browser's calendar. */
function wallTime(days: number, hour: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(hour)}:00`;
}

function initialValues(kind: LaneKind): Values {
  const common = { [TIME_ZONE]: defaultTimeZone(), '/equipment': 'DRY_VAN' };
  return kind === 'CAPACITY'
    ? { ...common, '/availableFrom': wallTime(1, 6), '/mustArriveBy': wallTime(4, 18), '/weightCapacityLbs': '40000',
        '/palletCapacity': '26', '/maxOriginDeadheadMiles': '150', '/maxDestinationDeadheadMiles': '150' }
    : { ...common, '/pickupWindow/opensAt': wallTime(1, 8), '/pickupWindow/closesAt': wallTime(1, 16),
        '/deliveryWindow/opensAt': wallTime(2, 8), '/deliveryWindow/closesAt': wallTime(3, 18), '/weightLbs': '30000',
        '/pallets': '20', '/commodity': 'Packaged goods' };
}

function place(values: Values, pointer: string) {
  const name = values[`${pointer}/name`]?.trim();
  const stateOrCountry = values[`${pointer}/stateOrCountry`]?.trim();
  return { name: name || undefined, stateOrCountry: stateOrCountry || undefined };
}

function truckBody(values: Values) {
  const zone = values[TIME_ZONE]!;
  return {
    emptyAt: place(values, '/emptyAt'),
    mustEndAt: place(values, '/mustEndAt'),
    availableFrom: toZonedTimestamp(values['/availableFrom'] ?? '', zone),
    mustArriveBy: toZonedTimestamp(values['/mustArriveBy'] ?? '', zone),
    equipment: values['/equipment'],
    weightCapacityLbs: numberOrText(values['/weightCapacityLbs']),
    palletCapacity: numberOrText(values['/palletCapacity']),
    maxOriginDeadheadMiles: numberOrText(values['/maxOriginDeadheadMiles']),
    maxDestinationDeadheadMiles: numberOrText(values['/maxDestinationDeadheadMiles']),
    minimumRatePerLoadedMile: usdOrText(values['/minimumRatePerLoadedMile']),
  };
}

function loadBody(values: Values) {
  const zone = values[TIME_ZONE]!;
  const window = (pointer: string) => ({
    opensAt: toZonedTimestamp(values[`${pointer}/opensAt`] ?? '', zone),
    closesAt: toZonedTimestamp(values[`${pointer}/closesAt`] ?? '', zone),
  });
  return {
    origin: place(values, '/origin'),
    destination: place(values, '/destination'),
    pickupWindow: window('/pickupWindow'),
    deliveryWindow: window('/deliveryWindow'),
    equipment: values['/equipment'],
    weightLbs: numberOrText(values['/weightLbs']),
    pallets: numberOrText(values['/pallets']),
    commodity: values['/commodity'],
    budget: usdOrText(values['/budget']),
  };
}

export function PostLaneForm({ kind, onPosted }: { kind: LaneKind; onPosted: (lane: Schemas['Lane']) => void }) {
  const form = useApiForm(initialValues(kind), kind === 'CAPACITY' ? TRUCK_FIELDS : LOAD_FIELDS);
  const fieldProps = { values: form.values, onInput: form.onInput, errors: form.fieldErrors };

  async function post(event: Event) {
    event.preventDefault();
    const headers = { 'Idempotency-Key': newIdempotencyKey() };
    // The API is the judge of the body: what the user typed goes as typed, and its pointers come back.
    const lane = await form.submit<Schemas['Lane']>(() =>
      kind === 'CAPACITY'
        ? call(api.POST('/lanes/capacity', { body: truckBody(form.values) as unknown as Schemas['CapacityLanePosting'], params: { header: headers } }))
        : call(api.POST('/lanes/loads', { body: loadBody(form.values) as unknown as Schemas['LoadLanePosting'], params: { header: headers } })),
    );
    if (lane) {
      onPosted(lane);
    }
  }

  const placeFields = (pointer: string, legend: string) => (
    <Fieldset legend={legend}>
      <TextField pointer={`${pointer}/name`} label="City" hint='As "Memphis" or "Springfield".' {...fieldProps} required />
      <TextField pointer={`${pointer}/stateOrCountry`} label="US state or country (optional)" hint='"TN", "MO", "France": needed when the name is ambiguous.' {...fieldProps} />
    </Fieldset>
  );
  const timeZoneField = (
    <SelectField
      pointer={TIME_ZONE}
      label="Time zone of the times below"
      options={TIME_ZONES.map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }))}
      {...fieldProps}
    />
  );

  return (
    <form ref={form.formRef} onSubmit={post} noValidate class="card post-lane" aria-label={kind === 'CAPACITY' ? 'Post a truck' : 'Post a load'}>
      <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
      {kind === 'CAPACITY' ? (
        <>
          <div class="columns">
            {placeFields('/emptyAt', 'Empty at')}
            {placeFields('/mustEndAt', 'Must end at (usually home)')}
          </div>
          <Fieldset legend="When">
            {timeZoneField}
            <TextField pointer="/availableFrom" label="Available from" type="datetime-local" {...fieldProps} required />
            <TextField pointer="/mustArriveBy" label="Must arrive by" type="datetime-local" {...fieldProps} required />
          </Fieldset>
          <Fieldset legend="Truck">
            <SelectField pointer="/equipment" label="Equipment" options={EQUIPMENT_OPTIONS} {...fieldProps} />
            <TextField pointer="/weightCapacityLbs" label="Weight capacity (lbs)" type="number" {...fieldProps} required />
            <TextField pointer="/palletCapacity" label="Pallet capacity" type="number" {...fieldProps} required />
            <TextField pointer="/maxOriginDeadheadMiles" label="Most empty miles to a pickup" type="number" {...fieldProps} required />
            <TextField pointer="/maxDestinationDeadheadMiles" label="Most empty miles from a delivery to the end" type="number" {...fieldProps} required />
            <TextField pointer="/minimumRatePerLoadedMile" label="Minimum rate per loaded mile, USD (optional)" type="number" {...fieldProps} />
          </Fieldset>
        </>
      ) : (
        <>
          <div class="columns">
            {placeFields('/origin', 'Origin')}
            {placeFields('/destination', 'Destination')}
          </div>
          <Fieldset legend="Windows">
            {timeZoneField}
            <TextField pointer="/pickupWindow/opensAt" label="Pickup opens" type="datetime-local" {...fieldProps} required />
            <TextField pointer="/pickupWindow/closesAt" label="Pickup closes" type="datetime-local" {...fieldProps} required />
            <TextField pointer="/deliveryWindow/opensAt" label="Delivery opens" type="datetime-local" {...fieldProps} required />
            <TextField pointer="/deliveryWindow/closesAt" label="Delivery closes" type="datetime-local" {...fieldProps} required />
          </Fieldset>
          <Fieldset legend="Freight">
            <SelectField pointer="/equipment" label="Equipment" options={EQUIPMENT_OPTIONS} {...fieldProps} />
            <TextField pointer="/weightLbs" label="Weight (lbs)" type="number" {...fieldProps} required />
            <TextField pointer="/pallets" label="Pallets" type="number" {...fieldProps} required />
            <TextField pointer="/commodity" label="Commodity" {...fieldProps} required />
            <TextField pointer="/budget" label="Budget for the whole move, USD (optional)" type="number" {...fieldProps} />
          </Fieldset>
        </>
      )}
      <button type="submit" disabled={form.submitting}>
        {form.submitting ? 'Posting…' : kind === 'CAPACITY' ? 'Post the truck' : 'Post the load'}
      </button>
    </form>
  );
}
