import { useEffect, useRef, useState } from 'preact/hooks';
import type { Outcome } from '../api/client';
import { placeErrors, type Problem } from '../api/problem';
import type { Values } from './fields';

/**
 * A form whose fields are named by the JSON pointers of the request body they fill, so that the API's
 * problem pointers land at the fields. After a refused submit, focus moves to the first field in error (or
 * to the alert when no field is), so keyboard and screen-reader users land on what to fix.
 */
export function useApiForm(initial: Values, fieldPointers: string[]) {
  const [values, setValues] = useState<Values>(initial);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const placed = problem ? placeErrors(problem.errors, fieldPointers) : { byField: new Map<string, string[]>(), unplaced: [] };

  useEffect(() => {
    if (refusals === 0 || !formRef.current) {
      return;
    }
    const target =
      formRef.current.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      formRef.current.querySelector<HTMLElement>('[role="alert"]');
    target?.focus();
  }, [refusals]);

  const onInput = (pointer: string, value: string) => setValues((previous) => ({ ...previous, [pointer]: value }));

  async function submit<T>(run: () => Promise<Outcome<T>>): Promise<T | null> {
    setSubmitting(true);
    setProblem(null);
    const outcome = await run();
    setSubmitting(false);
    if (outcome.ok) {
      return outcome.data;
    }
    setProblem(outcome.problem);
    setRefusals((count) => count + 1);
    return null;
  }

  return { values, setValues, onInput, problem, fieldErrors: placed.byField, unplaced: placed.unplaced, submitting, submit, formRef };
}
