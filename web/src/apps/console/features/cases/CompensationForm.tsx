// Compensation on the spot: points granted at once within the agent's authority; above it the server
// answers 202 and the request waits for a supervisor, which this form says plainly.
import { useState } from 'preact/hooks';

import { Field, ProblemSummary, fieldErrors } from '../../../../shared/ui/forms';
import { useSubmit } from '../../../../shared/ui/useSubmit';
import { useT } from '../../i18n';
import { act, type CaseAction, type StaffCase } from './caseApi';

export function CompensationForm(props: { item: StaffCase }) {
  const { t, number } = useT();
  const [points, setPoints] = useState('');
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState<string | undefined>();
  const submission = useSubmit((body: { points: number; note: string | null }, key) =>
    act(props.item.id, { kind: 'COMPENSATION_POINTS', points: body.points, note: body.note }, key));

  const granted = props.item.actions
    .filter((a) => a.kind === 'COMPENSATION_POINTS' && a.status === 'APPLIED')
    .reduce((sum, a) => sum + a.points, 0);
  const anonymous = !props.item.customerId;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const value = Number(points);
    if (!/^\d+$/.test(points.trim()) || value <= 0) {
      setChecked(t('case.compensation.pointsInvalid'));
      return;
    }
    setChecked(undefined);
    const done = await submission.submit({ points: value, note: note.trim() || null });
    if (done) {
      setPoints('');
      setNote('');
    }
  };

  const errors = fieldErrors(submission.error, { points: checked });
  const result: CaseAction | undefined = submission.result;
  return (
    <form class="compensation" onSubmit={onSubmit} noValidate aria-describedby="compensation-granted">
      <p id="compensation-granted" class="hint">
        {t('case.compensation.grantedSoFar', { points: number(granted) })}
      </p>
      {anonymous && <p class="notice">{t('case.compensation.anonymous')}</p>}
      <ProblemSummary error={submission.error} />
      <div class="row">
        <Field label={t('case.compensation.points')} errors={errors.get('points')} required>
          {(control) => (
            <input {...control} type="text" inputMode="numeric" pattern="[0-9]*" autoComplete="off"
              value={points} onInput={(e) => setPoints(e.currentTarget.value)} disabled={anonymous} />
          )}
        </Field>
        <Field label={t('case.compensation.note')} errors={errors.get('note')} class="grow">
          {(control) => (
            <input {...control} type="text" maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)}
              disabled={anonymous} />
          )}
        </Field>
      </div>
      <button type="submit" class="button" disabled={submission.pending || anonymous}>
        {submission.pending ? t('case.compensation.granting') : t('case.compensation.grant')}
      </button>
      <div aria-live="polite" data-testid="compensation-result">
        {result?.status === 'APPLIED' && (
          <p class="success">{t('case.compensation.applied', { points: number(result.points) })}</p>
        )}
        {result?.status === 'PENDING_APPROVAL' && (
          <p class="pending">{t('case.compensation.pending', { points: number(result.points) })}</p>
        )}
      </div>
    </form>
  );
}
