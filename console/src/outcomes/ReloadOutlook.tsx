import { useState } from 'preact/hooks';
import { api, call, type Schemas } from '../api/client';
import { numberOrText, TextField } from '../ui/fields';
import { PlaceCombobox } from '../ui/PlaceCombobox';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';
import { percent } from '../operator/operatorText';
import { nearText, outlookSentences, utcDay } from './outcomeText';

const NEAR = '#/query/near';
const FROM = '#/query/from';
const TO = '#/query/to';
const DEADHEAD = '#/query/maxOriginDeadheadMiles';

/**
 * A carrier asks how likely a load out of a market is in a time window, before taking a load there (ADR 41): the
 * probability, the share of trucks booked there with its interval and the sample, or why it is withheld.
 */
export function ReloadOutlookPage() {
  const today = new Date();
  const form = useApiForm({ [NEAR]: '', [FROM]: utcDay(today, 1), [TO]: utcDay(today, 3), [DEADHEAD]: '150' }, [NEAR, FROM, TO, DEADHEAD]);
  const [outlook, setOutlook] = useState<Schemas['ReloadOutlook'] | null>(null);

  async function ask(event: Event) {
    event.preventDefault();
    setOutlook(null);
    const answer = await form.submit(() =>
      call(
        api.GET('/markets/reload-outlook', {
          params: {
            query: {
              near: (form.values[NEAR] ?? '').trim(),
              from: form.values[FROM] ?? '',
              to: form.values[TO] ?? '',
              maxOriginDeadheadMiles: numberOrText(form.values[DEADHEAD]) as number | undefined,
            },
          },
        }),
      ),
    );
    setOutlook(answer);
  }

  const sentences = outlook ? outlookSentences(outlook) : [];
  return (
    <main id="main">
      <h1>Reload outlook</h1>
      <p>
        Before you take a load to a market: how likely is a load out of there in the days you would be empty? From the network's own postings and
        bookings of the last 8 complete weeks around that place. No partner's lanes, volumes or prices are ever shown, so an answer resting on
        fewer than 5 partners is withheld.
      </p>
      <form ref={form.formRef} onSubmit={ask} noValidate class="card" aria-label="Ask for a reload outlook">
        <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
        <PlaceCombobox
          pointer={NEAR}
          label="Where the truck will be empty"
          hint='A city: type and pick it, or type "Name, ST". Coordinates as "latitude,longitude" work too.'
          value={form.values[NEAR] ?? ''}
          errors={form.fieldErrors.get(NEAR)}
          onInput={(text) => form.onInput(NEAR, text)}
          onPick={(place) => form.onInput(NEAR, nearText(place))}
        />
        <div class="columns">
          <TextField pointer={FROM} label="Empty from (UTC day)" type="date" values={form.values} onInput={form.onInput} errors={form.fieldErrors} />
          <TextField
            pointer={TO}
            label="Until (UTC day, included)"
            type="date"
            hint="Not before today; at most 14 days in all."
            values={form.values}
            onInput={form.onInput}
            errors={form.fieldErrors}
          />
          <TextField
            pointer={DEADHEAD}
            label="Empty miles you would drive to a pickup"
            type="number"
            hint="1 to 300."
            values={form.values}
            onInput={form.onInput}
            errors={form.fieldErrors}
          />
        </div>
        <button type="submit" disabled={form.submitting}>
          {form.submitting ? 'Asking…' : 'Ask'}
        </button>
      </form>
      {outlook && (
        <section class="card outlook" aria-labelledby="outlook-heading" data-withheld={outlook.withheld}>
          <h2 id="outlook-heading">
            {outlook.withheld || !outlook.estimate
              ? 'Withheld: too few partners there'
              : `${percent(outlook.estimate.probabilityOfAtLeastOneLoad)} chance of a load`}
          </h2>
          {sentences.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
        </section>
      )}
    </main>
  );
}
