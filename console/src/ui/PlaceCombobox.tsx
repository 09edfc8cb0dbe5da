import { useEffect, useRef, useState } from 'preact/hooks';
import { api, call, type Schemas } from '../api/client';
import { Field } from './fields';

export type GazetteerPlace = Schemas['GazetteerPlace'];

/** Type-ahead waits for a pause in typing, so that each keystroke is not a call. */
const DEBOUNCE_MILLIS = 200;
const SUGGESTIONS = 8;

interface PlaceComboboxProps {
  pointer: string;
  label: string;
  hint?: string;
  value: string;
  errors?: string[];
  onInput: (text: string) => void;
  onPick: (place: GazetteerPlace) => void;
}

/**
 * A city field with suggestions from `GET /places`, as the WAI-ARIA combobox pattern (editable, list
 * autocomplete): Down/Up move through the suggestions, Enter picks, Escape closes, and the highlighted one is
 * announced through `aria-activedescendant` while focus stays in the field. Typing a name without picking
 * still posts it as typed; the API is the one judge of it.
 */
export function PlaceCombobox({ pointer, label, hint, value, errors, onInput, onPick }: PlaceComboboxProps) {
  const [places, setPlaces] = useState<GazetteerPlace[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [searched, setSearched] = useState('');
  const lastQuery = useRef('');
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  function search(text: string) {
    window.clearTimeout(timer.current);
    const query = text.trim();
    if (query === '') {
      setPlaces([]);
      setOpen(false);
      return;
    }
    timer.current = window.setTimeout(async () => {
      lastQuery.current = query;
      const outcome = await call(api.GET('/places', { params: { query: { query, limit: SUGGESTIONS } } }));
      // An answer to an older query than the last one typed is dropped.
      if (lastQuery.current !== query) {
        return;
      }
      setPlaces(outcome.ok ? outcome.data.items : []);
      setSearched(query);
      setActive(-1);
      setOpen(true);
    }, DEBOUNCE_MILLIS);
  }

  function pick(place: GazetteerPlace) {
    onPick(place);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open && places.length > 0) {
        setOpen(true);
      }
      setActive((current) => (places.length === 0 ? -1 : (current + 1) % places.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current) => (places.length === 0 ? -1 : current <= 0 ? places.length - 1 : current - 1));
    } else if (event.key === 'Enter' && open && active >= 0 && places[active]) {
      event.preventDefault();
      pick(places[active]!);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <Field pointer={pointer} label={label} errors={errors} hint={hint}>
      {(attributes) => {
        const listId = `${attributes.id}-places`;
        const optionId = (index: number) => `${listId}-${index}`;
        const expanded = open && (places.length > 0 || searched !== '');
        return (
          <div class="combobox">
            <input
              {...attributes}
              type="text"
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={expanded}
              aria-controls={listId}
              aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
              aria-required
              autocomplete="off"
              value={value}
              onInput={(event) => {
                const text = (event.currentTarget as HTMLInputElement).value;
                onInput(text);
                search(text);
              }}
              onKeyDown={onKeyDown}
              // A click on a suggestion lands before the field loses focus (mousedown prevents the blur).
              onBlur={() => setOpen(false)}
            />
            <ul id={listId} role="listbox" aria-label="Places found" class="places" hidden={!expanded}>
              {places.length === 0 && expanded ? (
                <li class="no-places" role="option" aria-disabled="true" aria-selected="false">
                  No place begins with “{searched}”.
                </li>
              ) : (
                places.map((place, index) => (
                  <li
                    key={`${place.label}-${index}`}
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === active}
                    class={index === active ? 'active' : undefined}
                    onMouseDown={(event) => {
                      event.preventDefault();
                      pick(place);
                    }}
                  >
                    {place.label} <span class="place-zone">{place.timeZone.replace(/_/g, ' ')}</span>
                  </li>
                ))
              )}
            </ul>
          </div>
        );
      }}
    </Field>
  );
}
