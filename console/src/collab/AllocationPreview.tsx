import { useState } from 'preact/hooks';
import { api, call, type Schemas } from '../api/client';
import { placeErrors } from '../api/problem';
import { CheckboxGroupField, Field, SelectField, TextField } from '../ui/fields';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApiForm } from '../ui/useApiForm';
import { BarChart } from './BarChart';
import { allCoalitions, amount, blockingSentence, coalitionKey, RULE_NAMES, stabilitySentence, type AllocationRule } from './collabText';

/** The form asks for every coalition's number: 2^n - 1 of them, which stays usable up to 6 players. */
export const MAX_FORM_PLAYERS = 6;
const ALL_RULES = Object.keys(RULE_NAMES) as AllocationRule[];
const DEFAULT_RULES: AllocationRule[] = ['SHAPLEY', 'NUCLEOLUS', 'PROPORTIONAL', 'EQUAL_SPLIT'];

/** An example in which an equal split is blocked: Carrier A and Shipper B make 900 together, more than 2 × 400. */
const EXAMPLE_PLAYERS = ['Carrier A', 'Shipper B', 'Shipper C'];
const EXAMPLE_VALUES: Record<string, string> = {
  [coalitionKey(['Carrier A'])]: '100',
  [coalitionKey(['Shipper B'])]: '0',
  [coalitionKey(['Shipper C'])]: '0',
  [coalitionKey(['Carrier A', 'Shipper B'])]: '900',
  [coalitionKey(['Carrier A', 'Shipper C'])]: '600',
  [coalitionKey(['Shipper B', 'Shipper C'])]: '0',
  [coalitionKey(EXAMPLE_PLAYERS)]: '1200',
};

function playersOf(text: string): string[] {
  return text
    .split('\n')
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Players named in the page's address (`#/allocation-preview?players=a,b`), as a collaboration's page links. */
function playersFromHash(): string[] | null {
  const query = window.location.hash.split('?')[1];
  const players = query ? new URLSearchParams(query).get('players') : null;
  const names = players ? players.split(',').map((name) => name.trim()).filter(Boolean) : [];
  return names.length > 0 ? names : null;
}

/**
 * Try the allocation rules on a game before signing: each coalition's value (or cost), every rule's shares side by
 * side in a chart and a table, and each rule's core check with the blocking coalitions in words.
 */
export function AllocationPreview() {
  const initialPlayers = playersFromHash() ?? EXAMPLE_PLAYERS;
  const form = useApiForm({ '/players': initialPlayers.join('\n'), '/kind': 'VALUE', unit: 'USD' }, []);
  const [coalitionValues, setCoalitionValues] = useState<Record<string, string>>(playersFromHash() ? {} : EXAMPLE_VALUES);
  const [rules, setRules] = useState<AllocationRule[]>(DEFAULT_RULES);
  const [preview, setPreview] = useState<Schemas['AllocationPreview'] | null>(null);
  const players = playersOf(form.values['/players'] ?? '');
  const coalitions = players.length <= MAX_FORM_PLAYERS && new Set(players).size === players.length ? allCoalitions(players) : [];
  const pointers = ['/players', '/kind', '/rules', '/coalitions', ...coalitions.map((_, index) => `/coalitions/${index}/value`)];
  // The pointers of the value fields depend on the players, so they are placed here rather than by useApiForm.
  const placed = placeErrors(form.problem?.errors ?? [], pointers);

  async function run(event: Event) {
    event.preventDefault();
    const body = {
      players,
      kind: form.values['/kind'] as Schemas['GameKind'],
      coalitions: coalitions.map((members) => {
        const text = coalitionValues[coalitionKey(members)]?.trim() ?? '';
        const value = Number(text);
        return { members, value: (text !== '' && Number.isFinite(value) ? value : text) as number };
      }),
      rules,
    };
    const result = await form.submit(() => call(api.POST('/allocations/preview', { body })));
    setPreview(result);
  }

  const unit = form.values.unit?.trim() ?? '';
  const allocated = preview?.results.filter((result) => result.outcome === 'ALLOCATED') ?? [];
  const refused = preview?.results.filter((result) => result.outcome === 'REFUSED') ?? [];
  const shareOf = (result: Schemas['AllocationRuleResult'], player: string) => result.shares?.find((share) => share.player === player);

  return (
    <main id="main">
      <h1>Allocation preview</h1>
      <p>
        What each rule would give each member of a pool, and whether the split is stable: no group of members would do better on its own
        (the core). Give what each group of members would make on its own. Nothing is stored.
      </p>
      <form ref={form.formRef} onSubmit={run} noValidate class="card" aria-label="The game to preview">
        <ProblemAlert problem={form.problem} unplaced={placed.unplaced} />
        <Field pointer="/players" label="Members" errors={placed.byField.get('/players')} hint={`One name per line, 1 to ${MAX_FORM_PLAYERS} here (the API takes up to 12).`}>
          {(attributes) => (
            <textarea
              {...attributes}
              rows={4}
              value={form.values['/players'] ?? ''}
              onInput={(event) => form.onInput('/players', (event.currentTarget as HTMLTextAreaElement).value)}
            />
          )}
        </Field>
        {players.length > MAX_FORM_PLAYERS && <p class="field-error">This form takes at most {MAX_FORM_PLAYERS} members.</p>}
        <div class="columns">
          <SelectField
            pointer="/kind"
            label="The numbers are"
            options={[
              { value: 'VALUE', label: 'Values: what each group makes (more is better)' },
              { value: 'COST', label: 'Costs: what each group pays (less is better)' },
            ]}
            values={form.values}
            onInput={form.onInput}
            errors={placed.byField}
          />
          <TextField pointer="unit" label="Unit (shown only)" hint="e.g. USD" values={form.values} onInput={form.onInput} errors={new Map()} />
        </div>
        <fieldset id="field-coalitions" tabIndex={-1} aria-invalid={placed.byField.has('/coalitions')} aria-describedby={placed.byField.get('/coalitions') ? 'field-coalitions-error' : undefined}>
          <legend>What each group would make on its own</legend>
          {placed.byField.get('/coalitions') && (
            <p class="field-error" id="field-coalitions-error" data-pointer="/coalitions">
              {placed.byField.get('/coalitions')!.join(' ')}
            </p>
          )}
          <div class="columns">
            {coalitions.map((members, index) => (
              <Field key={coalitionKey(members)} pointer={`/coalitions/${index}/value`} label={members.join(' + ')} errors={placed.byField.get(`/coalitions/${index}/value`)}>
                {(attributes) => (
                  <input
                    {...attributes}
                    type="text"
                    inputMode="decimal"
                    value={coalitionValues[coalitionKey(members)] ?? ''}
                    onInput={(event) => {
                      const text = (event.currentTarget as HTMLInputElement).value;
                      setCoalitionValues((current) => ({ ...current, [coalitionKey(members)]: text }));
                    }}
                  />
                )}
              </Field>
            ))}
          </div>
        </fieldset>
        <CheckboxGroupField
          pointer="/rules"
          legend="Rules to compare"
          options={ALL_RULES.map((rule) => ({ value: rule, label: RULE_NAMES[rule] }))}
          checked={rules}
          onChange={setRules}
          errors={placed.byField}
        />
        <button type="submit" disabled={form.submitting}>
          {form.submitting ? 'Computing…' : 'Preview the rules'}
        </button>
      </form>

      {preview && (
        <section aria-labelledby="preview-result">
          <h2 id="preview-result">Each member's share under each rule</h2>
          <p>
            Together the members {preview.kind === 'COST' ? 'save' : 'make'} {amount(preview.grandCoalitionValue, unit)}
            {preview.grandCoalitionCost !== undefined ? ` (their joint cost is ${amount(preview.grandCoalitionCost, unit)})` : ''}: that is what
            the rules share.
          </p>
          {allocated.length > 0 && (
            <BarChart
              title={preview.kind === 'COST' ? 'Share of the savings per member and rule' : 'Share per member and rule'}
              groups={preview.players}
              series={allocated.map((result) => RULE_NAMES[result.rule])}
              values={preview.players.map((player) => allocated.map((result) => shareOf(result, player)?.share ?? null))}
              format={(value) => amount(value, unit)}
              unitLabel={unit}
            />
          )}
          {allocated.map((result) => (
            <article key={result.rule} class="card rule-result" aria-labelledby={`rule-${result.rule}`} data-rule={result.rule}>
              <h3 id={`rule-${result.rule}`}>{RULE_NAMES[result.rule]}</h3>
              <p class={result.stability?.inCore ? 'stable' : 'unstable'}>{result.stability ? stabilitySentence(result.stability) : ''}</p>
              {result.stability && result.stability.blocking.length > 0 && (
                <ul class="blocking">
                  {result.stability.blocking.slice(0, 5).map((coalition) => (
                    <li key={coalition.members.join()}>{blockingSentence(coalition, preview.kind, unit)}</li>
                  ))}
                  {result.stability.blockingCount > 5 && <li>…and {result.stability.blockingCount - 5} more.</li>}
                </ul>
              )}
              {preview.kind === 'COST' && (
                <p>
                  Cost shares:{' '}
                  {preview.players.map((player) => `${player} pays ${amount(shareOf(result, player)?.costShare ?? NaN, unit)}`).join('; ')}.
                </p>
              )}
              {result.remarks && result.remarks.length > 0 && <p class="hint">{result.remarks.join(' ')}</p>}
            </article>
          ))}
          {refused.map((result) => (
            <article key={result.rule} class="card rule-result" aria-labelledby={`rule-${result.rule}`} data-rule={result.rule}>
              <h3 id={`rule-${result.rule}`}>{RULE_NAMES[result.rule]}: cannot share this game</h3>
              <p>
                {result.detail} <code>{result.reasonCode}</code>
              </p>
            </article>
          ))}
        </section>
      )}
    </main>
  );
}
