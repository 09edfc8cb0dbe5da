import { api, call, newIdempotencyKey, type Schemas } from '../api/client';
import { defaultTimeZone, TIME_ZONES, toZonedTimestamp } from '../api/zoned';
import { Fieldset, numberOrText, SelectField, TextField, usdOrText, type Values } from '../ui/fields';
import { ProblemAlert } from '../ui/ProblemAlert';
import { PlaceCombobox, type GazetteerPlace } from '../ui/PlaceCombobox';
import { useApiForm } from '../ui/useApiForm';
import { EQUIPMENT_OPTIONS } from './laneText';

export type LaneKind = 'CAPACITY' | 'LOAD';

/** The form key of the time zone of the times entered for a place: `zone/origin`. */
const zoneKey = (placePointer: string) => `zone${placePointer}`;
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
  const zone = defaultTimeZone();
  const places = kind === 'CAPACITY' ? ['/emptyAt', '/mustEndAt'] : ['/origin', '/destination'];
  const common = { ...Object.fromEntries(places.map((place) => [zoneKey(place), zone])), '/equipment': 'DRY_VAN' };
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

/** A wall time typed for a place, sent in that place's time zone. */
function zoned(values: Values, pointer: string, placePointer: string): string {
  return toZonedTimestamp(values[pointer] ?? '', values[zoneKey(placePointer)]!);
}

function truckBody(values: Values) {
  return {
    emptyAt: place(values, '/emptyAt'),
    mustEndAt: place(values, '/mustEndAt'),
    availableFrom: zoned(values, '/availableFrom', '/emptyAt'),
    mustArriveBy: zoned(values, '/mustArriveBy', '/mustEndAt'),
    equipment: values['/equipment'],
    weightCapacityLbs: numberOrText(values['/weightCapacityLbs']),
    palletCapacity: numberOrText(values['/palletCapacity']),
    maxOriginDeadheadMiles: numberOrText(values['/maxOriginDeadheadMiles']),
    maxDestinationDeadheadMiles: numberOrText(values['/maxDestinationDeadheadMiles']),
    minimumRatePerLoadedMile: usdOrText(values['/minimumRatePerLoadedMile']),
  };
}

function loadBody(values: Values) {
  const window = (pointer: string, placePointer: string) => ({
    opensAt: zoned(values, `${pointer}/opensAt`, placePointer),
    closesAt: zoned(values, `${pointer}/closesAt`, placePointer),
  });
  return {
    origin: place(values, '/origin'),
    destination: place(values, '/destination'),
    pickupWindow: window('/pickupWindow', '/origin'),
    deliveryWindow: window('/deliveryWindow', '/destination'),
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

  /** A picked place fills its name and state, and sets the zone its times are entered in to its own. */
  function picked(pointer: string, found: GazetteerPlace) {
    form.setValues((previous) => ({
      ...previous,
      [`${pointer}/name`]: found.name,
      [`${pointer}/stateOrCountry`]: found.stateOrCountry,
      [zoneKey(pointer)]: found.timeZone,
    }));
  }

  const placeFields = (pointer: string, legend: string, times: { pointer: string; label: string }[]) => {
    const zone = form.values[zoneKey(pointer)]!;
    const zones = TIME_ZONES.includes(zone) ? TIME_ZONES : [zone, ...TIME_ZONES];
    return (
      <Fieldset legend={legend}>
        <PlaceCombobox
          pointer={`${pointer}/name`}
          label="City"
          hint='Type the start of the name, as "Spring", and pick the place: its time zone comes with it.'
          value={form.values[`${pointer}/name`] ?? ''}
          errors={form.fieldErrors.get(`${pointer}/name`)}
          onInput={(text) => form.onInput(`${pointer}/name`, text)}
          onPick={(found) => picked(pointer, found)}
        />
        <TextField pointer={`${pointer}/stateOrCountry`} label="US state or country (optional)" hint='"TN", "MO", "France": needed when the name is ambiguous.' {...fieldProps} />
        <SelectField
          pointer={zoneKey(pointer)}
          label={`Time zone of the times ${times.length > 1 ? 'here' : 'below'}`}
          hint="The place's own, once picked."
          options={zones.map((value) => ({ value, label: value.replace(/_/g, ' ') }))}
          {...fieldProps}
        />
        {times.map((time) => (
          <TextField key={time.pointer} pointer={time.pointer} label={time.label} type="datetime-local" {...fieldProps} required />
        ))}
      </Fieldset>
    );
  };

  return (
    <form ref={form.formRef} onSubmit={post} noValidate class="card post-lane" aria-label={kind === 'CAPACITY' ? 'Post a truck' : 'Post a load'}>
      <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
      {kind === 'CAPACITY' ? (
        <>
          <div class="columns">
            {placeFields('/emptyAt', 'Empty at', [{ pointer: '/availableFrom', label: 'Available from' }])}
            {placeFields('/mustEndAt', 'Must end at (usually home)', [{ pointer: '/mustArriveBy', label: 'Must arrive by' }])}
          </div>
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
            {placeFields('/origin', 'Origin', [
              { pointer: '/pickupWindow/opensAt', label: 'Pickup opens' },
              { pointer: '/pickupWindow/closesAt', label: 'Pickup closes' },
            ])}
            {placeFields('/destination', 'Destination', [
              { pointer: '/deliveryWindow/opensAt', label: 'Delivery opens' },
              { pointer: '/deliveryWindow/closesAt', label: 'Delivery closes' },
            ])}
          </div>
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
