import type { Problem, FieldError } from '../api/problem';

/** The problem's title and detail, and the errors no field of the form shows; announced as it appears. */
export function ProblemAlert({ problem, unplaced = problem?.errors ?? [] }: { problem: Problem | null; unplaced?: FieldError[] }) {
  if (!problem) {
    return null;
  }
  return (
    <div class="problem" role="alert">
      <p class="problem-title">
        <strong>{problem.title}</strong>
        {problem.status ? <span class="problem-status"> ({problem.status})</span> : null}
      </p>
      {problem.detail && <p class="problem-detail">{problem.detail}</p>}
      {unplaced.length > 0 && (
        <ul>
          {unplaced.map((error) => (
            <li key={error.pointer + error.detail}>
              {error.pointer ? <code>{error.pointer}</code> : null} {error.detail}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
