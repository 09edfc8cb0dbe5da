import { api, call, type Schemas } from '../api/client';
import { rememberApiKey, forgetApiKey } from '../api/session';
import { checkOperatorKey, looksLikeOperatorKey } from '../operator/operatorSession';
import { TextField } from '../ui/fields';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';

const API_KEY = '/apiKey';

export function SignIn({ onSignedIn, onOperatorSignedIn }: { onSignedIn: (partner: Schemas['Partner']) => void; onOperatorSignedIn: () => void }) {
  const form = useApiForm({}, [API_KEY]);

  async function signIn(event: Event) {
    event.preventDefault();
    const apiKey = (form.values[API_KEY] ?? '').trim();
    rememberApiKey(apiKey);
    if (looksLikeOperatorKey(apiKey)) {
      if (await form.submit(checkOperatorKey)) {
        onOperatorSignedIn();
      } else {
        forgetApiKey();
      }
      return;
    }
    const partner = await form.submit(() => call(api.GET('/partners/me')));
    if (partner) {
      onSignedIn(partner);
    } else {
      forgetApiKey();
    }
  }

  return (
    <main id="main">
      <h1>Sign in</h1>
      <p>Sign in with your partner API key. The console keeps it for this browser tab only.</p>
      <form ref={form.formRef} onSubmit={signIn} noValidate aria-labelledby="sign-in-heading" class="card narrow">
        <h2 id="sign-in-heading" class="visually-hidden">
          Sign in with an API key
        </h2>
        <ProblemAlert problem={form.problem} unplaced={form.unplaced} />
        <TextField
          pointer={API_KEY}
          label="API key"
          type="password"
          autocomplete="off"
          hint="It starts with bhx_, as shown once when your company registered (the operator's key starts with bhxop_)."
          values={form.values}
          onInput={form.onInput}
          errors={form.fieldErrors}
          required
        />
        <button type="submit" disabled={form.submitting}>
          {form.submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        No key yet? <a href="#/register">Register your company</a>.
      </p>
    </main>
  );
}
