import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { unreachable, type Problem } from '../api/problem';
import { ProblemAlert } from '../ui/ProblemAlert';

/**
 * A part of a page whose code is a chunk of its own, loaded when the part is first shown, so that the first load
 * does not grow: progress while it loads, a problem when it cannot be loaded. (ui/Lazy does this for whole pages.)
 */
export function LazyPart<T>({ load, render, what }: { load: () => Promise<T>; render: (module: T) => ComponentChildren; what: string }) {
  const [module, setModule] = useState<T | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  useEffect(() => {
    let current = true;
    load().then(
      (loaded) => current && setModule(() => loaded),
      (cause: unknown) => current && setProblem({ ...unreachable(cause), title: `The ${what} could not be loaded` }),
    );
    return () => {
      current = false;
    };
  }, [load]);
  if (module) {
    return <>{render(module)}</>;
  }
  return problem ? <ProblemAlert problem={problem} /> : <p>Loading the {what}…</p>;
}
