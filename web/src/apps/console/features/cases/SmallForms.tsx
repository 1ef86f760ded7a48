// The case's smaller writes: a note, another action (apology, call-back, refund note), a new owner.
import { useState } from 'preact/hooks';

import { Field, ProblemSummary, fieldErrors } from '../../../../shared/ui/forms';
import { useSubmit } from '../../../../shared/ui/useSubmit';
import { useT } from '../../i18n';
import { act, addNote, assign, type ActionKind, type StaffCase } from './caseApi';

export function NoteForm(props: { item: StaffCase }) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<'INTERNAL' | 'CUSTOMER'>('INTERNAL');
  const [checked, setChecked] = useState<string | undefined>();
  const submission = useSubmit((body: { text: string; visibility: 'INTERNAL' | 'CUSTOMER' }, key) => addNote(props.item.id, body, key));
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) {
      setChecked(t('case.notes.textRequired'));
      return;
    }
    setChecked(undefined);
    if (await submission.submit({ text: text.trim(), visibility })) setText('');
  };
  const errors = fieldErrors(submission.error, { text: checked });
  return (
    <form onSubmit={onSubmit} noValidate class="note-form">
      <ProblemSummary error={submission.error} />
      <Field label={t('case.notes.text')} errors={errors.get('text')} required>
        {(control) => <textarea {...control} rows={3} maxLength={4000} value={text} onInput={(e) => setText(e.currentTarget.value)} />}
      </Field>
      <fieldset>
        <legend>{t('case.notes.visibility')}</legend>
        {(['INTERNAL', 'CUSTOMER'] as const).map((value) => (
          <label key={value} class="choice">
            <input type="radio" name="visibility" value={value} checked={visibility === value} onChange={() => setVisibility(value)} />
            {t(`case.notes.visibility.${value}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" class="button secondary" disabled={submission.pending}>{t('case.notes.add')}</button>
    </form>
  );
}

const OTHER_KINDS: ActionKind[] = ['APOLOGY', 'CALL_BACK', 'REFUND_NOTE'];

export function OtherActionForm(props: { item: StaffCase }) {
  const { t } = useT();
  const [kind, setKind] = useState<ActionKind>('APOLOGY');
  const [note, setNote] = useState('');
  const submission = useSubmit((body: { kind: ActionKind; note: string | null }, key) => act(props.item.id, body, key));
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (await submission.submit({ kind, note: note.trim() || null })) setNote('');
  };
  const errors = fieldErrors(submission.error);
  return (
    <form onSubmit={onSubmit} noValidate class="other-action">
      <ProblemSummary error={submission.error} />
      <div class="row">
        <Field label={t('case.action.kind')} errors={errors.get('kind')}>
          {(control) => (
            <select {...control} value={kind} onChange={(e) => setKind(e.currentTarget.value as ActionKind)}>
              {OTHER_KINDS.map((value) => <option key={value} value={value}>{t(`case.action.kind.${value}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('case.action.note')} errors={errors.get('note')} class="grow">
          {(control) => <input {...control} type="text" maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
        </Field>
      </div>
      <button type="submit" class="button secondary" disabled={submission.pending}>{t('case.action.record')}</button>
      {submission.result && <p class="success" role="status">{t('case.action.recorded')}</p>}
    </form>
  );
}

export function AssignForm(props: { item: StaffCase }) {
  const { t } = useT();
  const [owner, setOwner] = useState('');
  const [checked, setChecked] = useState<string | undefined>();
  const submission = useSubmit((body: string) => assign(props.item.id, body));
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!owner.trim()) {
      setChecked(t('case.owner.required'));
      return;
    }
    setChecked(undefined);
    if (await submission.submit(owner.trim())) setOwner('');
  };
  const errors = fieldErrors(submission.error, { owner: checked });
  return (
    <form onSubmit={onSubmit} noValidate class="assign-form">
      <ProblemSummary error={submission.error} />
      <div class="row">
        <Field label={t('case.owner.new')} hint={t('case.owner.hint')} errors={errors.get('owner')} class="grow">
          {(control) => <input {...control} type="text" maxLength={200} autoComplete="off" value={owner}
            onInput={(e) => setOwner(e.currentTarget.value)} />}
        </Field>
      </div>
      <button type="submit" class="button secondary" disabled={submission.pending}>{t('case.owner.assign')}</button>
    </form>
  );
}
