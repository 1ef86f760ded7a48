// The states every view has: loading, empty and error, the same everywhere.
import type { ComponentChildren } from 'preact';

import { ProblemError } from '../api/client';
import { useSharedText } from '../i18n/i18n';

export function Loading(props: { label?: string }) {
  const text = useSharedText();
  return (
    <div class="state state-loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {props.label ?? text('common.state.loading')}
    </div>
  );
}

export function Empty(props: { children: ComponentChildren }) {
  return <p class="state state-empty">{props.children}</p>;
}

/** What went wrong: the problem's detail when the server said, a plain sentence otherwise, and a retry. */
export function ErrorState(props: { error: unknown; onRetry?: () => void }) {
  const text = useSharedText();
  return (
    <div class="state state-error" role="alert">
      <p>
        <strong>{text('common.state.error')}</strong> {describe(props.error, text)}
      </p>
      {props.onRetry && (
        <button type="button" class="button secondary" onClick={props.onRetry}>
          {text('common.action.retry')}
        </button>
      )}
    </div>
  );
}

/** A section a service could not answer: not the same as empty. */
export function Unavailable(props: { reason?: string | null }) {
  const text = useSharedText();
  return (
    <p class="state state-unavailable" role="note">
      <strong>{text('common.state.unavailable')}</strong>
      {props.reason ? ` ${props.reason}` : ''}
    </p>
  );
}

/** A page chunk from an earlier deploy is gone: offer the new version instead of breaking. */
export function Outdated() {
  const text = useSharedText();
  return (
    <div class="state state-error" role="alert">
      <p>{text('common.state.outdated')}</p>
      <button type="button" class="button" onClick={() => window.location.reload()}>
        {text('common.action.reload')}
      </button>
    </div>
  );
}

export function describe(error: unknown, text: (key: string) => string): string {
  if (error instanceof ProblemError) return error.problem.detail ?? error.problem.title;
  if (error instanceof TypeError) return text('common.state.offline');
  return text('common.state.unexpected');
}
