// A form's write: pending while it runs, the error kept for the form to show (detail at the top, violations
// by field), the answer on success. One Idempotency-Key per user action: a retry of the same body reuses
// it, so a write that reached the server before the connection dropped is answered, not done twice.
import { useRef, useState } from 'preact/hooks';

import { newIdempotencyKey } from '../api/client';

export interface Submission<Body, Result> {
  submit(body: Body): Promise<Result | undefined>;
  pending: boolean;
  error: unknown;
  result: Result | undefined;
  reset(): void;
}

export function useSubmit<Body, Result>(run: (body: Body, idempotencyKey: string) => Promise<Result>): Submission<Body, Result> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [result, setResult] = useState<Result | undefined>(undefined);
  const attempt = useRef<{ key: string; body: string } | null>(null);

  return {
    pending,
    error,
    result,
    reset() {
      setError(undefined);
      setResult(undefined);
    },
    async submit(body) {
      const json = JSON.stringify(body);
      if (!attempt.current || attempt.current.body !== json) attempt.current = { key: newIdempotencyKey(), body: json };
      setPending(true);
      setError(undefined);
      try {
        const answer = await run(body, attempt.current.key);
        attempt.current = null;
        setResult(() => answer);
        return answer;
      } catch (failure) {
        setError(() => failure);
        return undefined;
      } finally {
        setPending(false);
      }
    },
  };
}
