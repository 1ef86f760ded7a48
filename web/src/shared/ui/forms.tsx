// Problem details in forms: the `detail` once at the top, each field violation next to its input.
import type { ComponentChildren, JSX } from 'preact';
import { useId } from 'preact/hooks';

import { ProblemError } from '../api/client';
import { useSharedText } from '../i18n/i18n';
import { describe } from './states';

/** The form-level message: the server's detail (or what went wrong), announced to screen readers. */
export function ProblemSummary(props: { error: unknown }) {
  const text = useSharedText();
  if (!props.error) return null;
  return (
    <div class="problem" role="alert">
      {describe(props.error, text)}
    </div>
  );
}

/** Messages per field: the client's own checks first, then the server's violations. */
export function fieldErrors(error: unknown, local: Record<string, string | undefined> = {}): Map<string, string[]> {
  const byField = error instanceof ProblemError ? new Map(error.violationsByField) : new Map<string, string[]>();
  for (const [field, message] of Object.entries(local)) {
    if (message) byField.set(field, [message, ...(byField.get(field) ?? [])]);
  }
  return byField;
}

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  required?: boolean;
}

/** A labelled input with its hint and its errors; the input is rendered by `children` with the ids it needs. */
export function Field(props: {
  label: string;
  hint?: string;
  errors?: string[] | undefined;
  required?: boolean;
  children: (control: ControlProps) => JSX.Element;
  class?: string;
}) {
  const id = useId();
  const text = useSharedText();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${props.errors?.length ? ' invalid' : ''}${props.class ? ` ${props.class}` : ''}`}>
      <label for={id}>
        {props.label}
        {props.required && <span class="required"> ({text('common.form.required')})</span>}
      </label>
      {props.children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(errorId ? { 'aria-invalid': true } : {}),
        ...(props.required ? { required: true } : {}),
      })}
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {errorId && (
        <p class="field-error" id={errorId}>
          {props.errors!.join(' ')}
        </p>
      )}
    </div>
  );
}

export function Section(props: { title: string; children: ComponentChildren; class?: string; headingLevel?: 2 | 3 }) {
  const id = useId();
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section class={`panel${props.class ? ` ${props.class}` : ''}`} aria-labelledby={id}>
      <Heading id={id}>{props.title}</Heading>
      {props.children}
    </section>
  );
}
