import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { unreachable, type Problem } from '../api/problem';
import { ProblemAlert } from './ProblemAlert';

/**
 * A page whose code is loaded when it is first shown (a separate chunk of the build), with progress while it
 * loads and a problem, not a blank page, when it cannot be loaded.
 */
export function Lazy<T>({ load, render }: { load: () => Promise<T>; render: (module: T) => ComponentChildren }) {
  const [module, setModule] = useState<T | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  useEffect(() => {
    let current = true;
    load().then(
      (loaded) => current && setModule(() => loaded),
      (cause: unknown) => current && setProblem({ ...unreachable(cause), title: 'This page could not be loaded' }),
    );
    return () => {
      current = false;
    };
  }, [load]);
  if (module) {
    return <>{render(module)}</>;
  }
  return (
    <main id="main">
      <ProblemAlert problem={problem} />
      {!problem && <p role="status">Loading the page…</p>}
    </main>
  );
}
