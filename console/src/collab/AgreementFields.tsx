import type { Schemas } from '../api/client';
import { Fieldset, SelectField, TextField, numberOrText, type Values } from '../ui/fields';
import { COLLABORATION_RULES, RULE_NAMES } from './collabText';

/** The pointers of an agreement's fields under `prefix` ("/agreement" when creating, "" when changing). */
export function agreementPointers(prefix: string): string[] {
  return ['rule', 'pooledShareBasisPoints', 'riskTerms/kind', 'riskTerms/perMemberCapPerPeriod', 'periodKind', 'currency', 'startDate'].map(
    (name) => `${prefix}/${name}`,
  );
}

export function agreementValues(prefix: string, agreement?: Schemas['Agreement']): Values {
  // Tomorrow (UTC): period 0 has not started yet, so the invitees who accept before it are members from period 0.
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const cap = agreement?.riskTerms.perMemberCapPerPeriod;
  return {
    [`${prefix}/rule`]: agreement?.rule ?? 'SHAPLEY',
    [`${prefix}/pooledShareBasisPoints`]: String(agreement?.pooledShareBasisPoints ?? 5000),
    [`${prefix}/riskTerms/kind`]: agreement?.riskTerms.kind ?? 'AT_FAULT_CAPPED',
    [`${prefix}/riskTerms/perMemberCapPerPeriod`]: cap ? String(cap.amountMinorUnits / 100) : '500',
    [`${prefix}/periodKind`]: agreement?.periodKind ?? 'MONTHLY',
    [`${prefix}/currency`]: agreement?.currency ?? 'USD',
    [`${prefix}/startDate`]: agreement?.startDate ?? tomorrow,
  };
}

/** The terms as the API takes them; what is not a number goes as typed, for the API to name the field. */
export function agreementTerms(prefix: string, values: Values): Schemas['AgreementTerms'] {
  const value = (name: string) => values[`${prefix}/${name}`]?.trim() ?? '';
  const currency = value('currency');
  const kind = value('riskTerms/kind') as Schemas['RiskTerms']['kind'];
  const cap = value('riskTerms/perMemberCapPerPeriod');
  const capNumber = Number(cap);
  return {
    rule: value('rule') as Schemas['CollaborationRuleName'],
    pooledShareBasisPoints: numberOrText(value('pooledShareBasisPoints')) as number,
    riskTerms:
      kind === 'AT_FAULT_CAPPED' && cap !== ''
        ? { kind, perMemberCapPerPeriod: { amountMinorUnits: (Number.isFinite(capNumber) ? Math.round(capNumber * 100) : cap) as number, currency } }
        : { kind },
    periodKind: value('periodKind') as Schemas['AgreementTerms']['periodKind'],
    currency,
    startDate: value('startDate'),
  };
}

interface AgreementFieldsProps {
  prefix: string;
  values: Values;
  onInput: (pointer: string, value: string) => void;
  errors: Map<string, string[]>;
  /** When changing an agreement, the schedule (period kind, start date, currency) cannot change. */
  scheduleFixed?: boolean;
}

export function AgreementFields({ prefix, values, onInput, errors, scheduleFixed = false }: AgreementFieldsProps) {
  const props = { values, onInput, errors };
  const capped = values[`${prefix}/riskTerms/kind`] === 'AT_FAULT_CAPPED';
  return (
    <Fieldset legend="Agreement">
      <SelectField
        pointer={`${prefix}/rule`}
        label="Allocation rule"
        hint="How the pooled gain is shared. Try the rules on your numbers first with the allocation preview."
        options={COLLABORATION_RULES.map((rule) => ({ value: rule, label: RULE_NAMES[rule] }))}
        {...props}
      />
      <TextField
        pointer={`${prefix}/pooledShareBasisPoints`}
        label="Pooled share, basis points"
        type="number"
        hint="0 (each keeps its realised gain) to 10000 (each ends at its fair share); 5000 is half."
        {...props}
      />
      <SelectField
        pointer={`${prefix}/riskTerms/kind`}
        label="Risk terms"
        options={[
          { value: 'AT_FAULT_CAPPED', label: 'The member at fault bears risk costs up to a cap' },
          { value: 'SHARED_FROM_FIRST_CENT', label: 'Risk costs shared equally from the first cent' },
        ]}
        {...props}
      />
      {capped && (
        <TextField
          pointer={`${prefix}/riskTerms/perMemberCapPerPeriod`}
          label="Cap per member and period (in the currency)"
          type="number"
          hint="What the member at fault bears at most per period; the excess is shared equally."
          {...props}
        />
      )}
      <div class="columns">
        <SelectField
          pointer={`${prefix}/periodKind`}
          label="Period"
          options={[
            { value: 'WEEKLY', label: 'Weekly (UTC)' },
            { value: 'MONTHLY', label: 'Monthly (UTC)' },
          ]}
          hint={scheduleFixed ? 'Fixed when the collaboration was created.' : undefined}
          {...props}
        />
        <TextField pointer={`${prefix}/currency`} label="Currency" hint={scheduleFixed ? 'Fixed.' : 'ISO 4217, e.g. USD.'} {...props} />
        <TextField
          pointer={`${prefix}/startDate`}
          label="Start date (UTC)"
          hint={scheduleFixed ? 'Fixed.' : 'Period 0 starts at its midnight, UTC. YYYY-MM-DD.'}
          {...props}
        />
      </div>
    </Fieldset>
  );
}
