import type { ComponentChildren } from 'preact';

/** The DOM id of the input for a JSON pointer: `/emptyAt/name` becomes `field-emptyAt-name`. */
export function fieldId(pointer: string): string {
  return `field${pointer.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

interface FieldProps {
  pointer: string;
  label: string;
  errors?: string[];
  hint?: string;
  children: (attributes: {
    id: string;
    name: string;
    'aria-invalid': boolean;
    'aria-describedby'?: string;
  }) => ComponentChildren;
}

/** A labelled control with its hint and the API's messages for its pointer, tied to it for screen readers. */
export function Field({ pointer, label, errors = [], hint, children }: FieldProps) {
  const id = fieldId(pointer);
  const describedBy = [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${errors.length ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({ id, name: pointer, 'aria-invalid': errors.length > 0, 'aria-describedby': describedBy || undefined })}
      {errors.length > 0 && (
        <p class="field-error" id={`${id}-error`} data-pointer={pointer}>
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}

export type Values = Record<string, string>;

interface TextFieldProps {
  pointer: string;
  label: string;
  values: Values;
  onInput: (pointer: string, value: string) => void;
  errors: Map<string, string[]>;
  type?: 'text' | 'password' | 'email' | 'tel' | 'number' | 'datetime-local' | 'date';
  hint?: string;
  autocomplete?: 'off' | 'organization' | 'name' | 'email' | 'tel';
  required?: boolean;
}

export function TextField({ pointer, label, values, onInput, errors, type = 'text', hint, autocomplete, required }: TextFieldProps) {
  return (
    <Field pointer={pointer} label={label} errors={errors.get(pointer)} hint={hint}>
      {(attributes) => (
        <input
          {...attributes}
          // Preact types `type` together with the implicit ARIA role; all of these are plain input fields.
          type={type as 'text'}
          value={values[pointer] ?? ''}
          autocomplete={autocomplete}
          aria-required={required}
          onInput={(event) => onInput(pointer, (event.currentTarget as HTMLInputElement).value)}
        />
      )}
    </Field>
  );
}

interface SelectFieldProps {
  pointer: string;
  label: string;
  values: Values;
  onInput: (pointer: string, value: string) => void;
  errors: Map<string, string[]>;
  options: { value: string; label: string }[];
  hint?: string;
}

export function SelectField({ pointer, label, values, onInput, errors, options, hint }: SelectFieldProps) {
  return (
    <Field pointer={pointer} label={label} errors={errors.get(pointer)} hint={hint}>
      {(attributes) => (
        <select
          {...attributes}
          value={values[pointer] ?? ''}
          onChange={(event) => onInput(pointer, (event.currentTarget as HTMLSelectElement).value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Numbers are sent as typed when they are not numbers, so that the API names the field, not the console. */
export function numberOrText(text: string | undefined): number | string | undefined {
  if (text === undefined || text.trim() === '') {
    return undefined;
  }
  const value = Number(text);
  return Number.isFinite(value) ? value : text;
}

export function Fieldset({ legend, children }: { legend: string; children: ComponentChildren }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** Dollars and cents as typed ("2.50") in minor units; anything else goes as typed, for the API to refuse. */
export function usdOrText(text: string | undefined) {
  if (text === undefined || text.trim() === '') {
    return undefined;
  }
  const amount = Number(text);
  return { amountMinorUnits: Number.isFinite(amount) ? Math.round(amount * 100) : text, currency: 'USD' };
}

interface CheckboxGroupProps<T extends string> {
  pointer: string;
  legend: string;
  options: { value: T; label: string }[];
  checked: T[];
  onChange: (checked: T[]) => void;
  errors: Map<string, string[]>;
}

/** A set of choices sent as one array, with the API's messages for the array at the group. */
export function CheckboxGroupField<T extends string>({ pointer, legend, options, checked, onChange, errors }: CheckboxGroupProps<T>) {
  const id = fieldId(pointer);
  const messages = errors.get(pointer) ?? [];
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      aria-invalid={messages.length > 0}
      aria-describedby={messages.length ? `${id}-error` : undefined}
      class={messages.length ? 'field-invalid' : undefined}
    >
      <legend>{legend}</legend>
      {options.map(({ value, label }) => (
        <label key={value} class="checkbox">
          <input
            type="checkbox"
            name={pointer}
            value={value}
            checked={checked.includes(value)}
            onChange={(event) =>
              onChange(
                (event.currentTarget as HTMLInputElement).checked
                  ? [...checked, value]
                  : checked.filter((current) => current !== value),
              )
            }
          />{' '}
          {label}
        </label>
      ))}
      {messages.length > 0 && (
        <p class="field-error" id={`${id}-error`} data-pointer={pointer}>
          {messages.join(' ')}
        </p>
      )}
    </fieldset>
  );
}
