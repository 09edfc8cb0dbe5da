import type { Outcome } from '../api/client';
import type { Schemas } from '../api/client';
import { TextField } from '../ui/fields';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';
import { amountOrText, hoursFromNow } from './dealText';

const OFFER_FIELDS = ['/amount', '/expiresAt', '/note'];
const EXPIRES_IN = 'expiresInHours';

/**
 * An offer: the all-in amount in dollars, how many hours it stands, and a note. The API judges it; its pointers
 * (`/amount/amountMinorUnits`, `/expiresAt`) are shown at these fields.
 */
export function OfferForm<T = Schemas['Negotiation']>({ label, submitLabel, initialAmount, send, onDone }: {
  label: string;
  submitLabel: string;
  initialAmount?: string;
  send: (body: Schemas['NegotiationOffer']) => Promise<Outcome<T>>;
  onDone: (answer: T) => void;
}) {
  const form = useApiForm({ '/amount': initialAmount ?? '', [EXPIRES_IN]: '24', '/note': '' }, [...OFFER_FIELDS, EXPIRES_IN]);
  const fieldProps = { values: form.values, onInput: form.onInput, errors: form.fieldErrors };
  // An error at /expiresAt is about the hours typed.
  const errors = new Map(form.fieldErrors);
  if (errors.has('/expiresAt')) {
    errors.set(EXPIRES_IN, errors.get('/expiresAt')!);
  }

  async function submit(event: Event) {
    event.preventDefault();
    const note = form.values['/note']?.trim();
    const answer = await form.submit(() => send({
      amount: amountOrText(form.values['/amount'] ?? ''),
      expiresAt: hoursFromNow(form.values[EXPIRES_IN] ?? ''),
      ...(note ? { note } : {}),
    }));
    if (answer) {
      onDone(answer);
    }
  }

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate class="card offer-form" aria-label={label}>
      <ProblemAlert problem={form.problem} unplaced={form.unplaced.filter((error) => error.pointer !== '/expiresAt')} />
      <TextField pointer="/amount" label="All-in amount, USD" hint="For the whole move, accessorials apart." {...fieldProps} required />
      <TextField pointer={EXPIRES_IN} label="Offer stands for (hours)" type="number" hint="At most 72 hours, and not past the match's end." {...fieldProps} errors={errors} required />
      <TextField pointer="/note" label="Note (optional)" {...fieldProps} />
      <button type="submit" disabled={form.submitting}>{form.submitting ? 'Sending…' : submitLabel}</button>
    </form>
  );
}
