// RFC 9457 problems as the API answers them, and what the console does with them: the title and detail in an
// alert, each `errors[]` entry at the form field its pointer names.

export interface FieldError {
  pointer: string;
  detail: string;
}

export interface Problem {
  title: string;
  detail?: string;
  status?: number;
  /** The business rule that refused the request (e.g. INSURANCE_EXPIRED), when one did. */
  reasonCode?: string;
  errors: FieldError[];
}

export function asProblem(body: unknown, status: number): Problem {
  if (body && typeof body === 'object' && typeof (body as { title?: unknown }).title === 'string') {
    const raw = body as { title: string; detail?: unknown; errors?: unknown; reasonCode?: unknown };
    const errors = Array.isArray(raw.errors)
      ? raw.errors.filter(
          (error): error is FieldError =>
            !!error && typeof error.pointer === 'string' && typeof error.detail === 'string',
        )
      : [];
    return {
      title: raw.title,
      detail: typeof raw.detail === 'string' ? raw.detail : undefined,
      status,
      ...(typeof raw.reasonCode === 'string' ? { reasonCode: raw.reasonCode } : {}),
      errors,
    };
  }
  // The gateway's catch-all answers carry a `message` instead (e.g. {"message":"Internal server error"}).
  const message = body && typeof body === 'object' ? (body as { message?: unknown }).message : undefined;
  return {
    title: `The API answered ${status}`,
    detail: typeof message === 'string' ? message : undefined,
    status,
    errors: [],
  };
}

export function unreachable(cause: unknown): Problem {
  return {
    title: 'The API could not be reached',
    detail: cause instanceof Error ? cause.message : String(cause),
    errors: [],
  };
}

/**
 * Which field shows each error: the field whose pointer is the error's pointer or its nearest ancestor
 * (`/emptyAt/name` for an error at `/emptyAt/name/0`), else the first field inside the error's pointer
 * (`/emptyAt/name` for an error at `/emptyAt`). Errors no field can show, and those about the whole body, are
 * returned as `unplaced`.
 */
export function placeErrors(
  errors: FieldError[],
  fieldPointers: string[],
): { byField: Map<string, string[]>; unplaced: FieldError[] } {
  const byField = new Map<string, string[]>();
  const unplaced: FieldError[] = [];
  const within = (inner: string, outer: string) => inner === outer || inner.startsWith(outer + '/');
  for (const error of errors) {
    const ancestor = fieldPointers
      .filter((field) => within(error.pointer, field))
      .sort((a, b) => b.length - a.length)[0];
    // An error about the whole body (pointer "") is not about its first field.
    const field =
      ancestor ?? (error.pointer === '' ? undefined : fieldPointers.find((candidate) => within(candidate, error.pointer)));
    if (field === undefined) {
      unplaced.push(error);
    } else {
      byField.set(field, [...(byField.get(field) ?? []), error.detail]);
    }
  }
  return { byField, unplaced };
}
