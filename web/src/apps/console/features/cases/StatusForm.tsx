// Moving the case: only the moves its state allows; resolving asks for the root cause before the server does.
import { useState } from 'preact/hooks';

import { ProblemError } from '../../../../shared/api/client';
import { Field, ProblemSummary, fieldErrors } from '../../../../shared/ui/forms';
import { useSubmit } from '../../../../shared/ui/useSubmit';
import { useT, type MessageKey } from '../../i18n';
import { changeStatus, nextStatuses, type CaseStatus, type StaffCase } from './caseApi';

/** The root causes a resolution may name (feedback-service's motcrm.feedback.cases.root-causes defaults). */
export const ROOT_CAUSES = ['product-defect', 'service-failure', 'delivery-delay', 'billing-error', 'staff-behaviour',
  'policy', 'communication', 'other'] as const;

export function StatusForm(props: { item: StaffCase }) {
  const { t } = useT();
  const moves = nextStatuses(props.item.status);
  const [target, setTarget] = useState<CaseStatus | ''>('');
  const [rootCause, setRootCause] = useState('');
  const [checked, setChecked] = useState<Record<string, string | undefined>>({});
  const submission = useSubmit((body: { status: CaseStatus; rootCause: string | null }) => changeStatus(props.item.id, body));

  // The server lists its configured causes when it refuses one: offer exactly those then.
  const serverCauses = submission.error instanceof ProblemError && Array.isArray(submission.error.problem['rootCauses' as never])
    ? (submission.error.problem['rootCauses' as never] as string[]) : undefined;
  const causes: readonly string[] = serverCauses ?? ROOT_CAUSES;
  const causeLabel = (cause: string) => {
    const key = `case.rootCause.${cause}` as MessageKey;
    const label = t(key);
    return label === key ? cause : label;
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const local: Record<string, string | undefined> = {};
    if (!target) local.status = t('case.status.chooseMove');
    if (target === 'RESOLVED' && !rootCause) local.rootCause = t('case.status.rootCauseRequired');
    setChecked(local);
    if (Object.values(local).some(Boolean) || !target) return;
    const updated = await submission.submit({ status: target, rootCause: target === 'RESOLVED' ? rootCause : null });
    if (updated) {
      setTarget('');
      setRootCause('');
    }
  };

  const errors = fieldErrors(submission.error, checked);
  return (
    <form class="status-form" onSubmit={onSubmit} noValidate>
      <ProblemSummary error={submission.error} />
      <fieldset aria-describedby={errors.get('status') ? 'status-move-error' : undefined}>
        <legend>{t('case.status.moveTo')}</legend>
        {moves.map((status) => (
          <label key={status} class="choice">
            <input type="radio" name="status" value={status} checked={target === status}
              onChange={() => setTarget(status)} />
            {t(`case.status.${status}`)}
          </label>
        ))}
        {errors.get('status') && <p class="field-error" id="status-move-error">{errors.get('status')!.join(' ')}</p>}
      </fieldset>
      {target === 'RESOLVED' && (
        <Field label={t('case.status.rootCause')} hint={t('case.status.rootCauseHint')} errors={errors.get('rootCause')} required>
          {(control) => (
            <select {...control} value={rootCause} onChange={(e) => setRootCause(e.currentTarget.value)}>
              <option value="">{t('case.status.chooseRootCause')}</option>
              {causes.map((cause) => <option key={cause} value={cause}>{causeLabel(cause)}</option>)}
            </select>
          )}
        </Field>
      )}
      <button type="submit" class="button" disabled={submission.pending}>{t('case.status.submit')}</button>
      {submission.result?.recoverySurveyUrl && (
        <p class="success" role="status">
          {t('case.status.surveyLink')} <a href={submission.result.recoverySurveyUrl}>{submission.result.recoverySurveyUrl}</a>
        </p>
      )}
    </form>
  );
}
