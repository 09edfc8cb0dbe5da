import type { Problem } from '../api/problem';

/** S3 answers errors as XML: its code and message, shown as a problem. */
export function problemOfStorage(status: number, body: string): Problem {
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1];
  return {
    title: 'Storage refused the file',
    detail: [code, message].filter(Boolean).join(': ') || undefined,
    status,
    errors: [],
  };
}
