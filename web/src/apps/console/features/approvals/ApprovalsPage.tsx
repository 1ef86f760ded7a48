import { useState } from 'preact/hooks';

import { unwrap, type components } from '../../../../shared/api/client';
import { invalidate, useQuery } from '../../../../shared/data/query';
import { Link, type PageProps } from '../../../../shared/router/router';
import { Field, ProblemSummary, fieldErrors } from '../../../../shared/ui/forms';
import { Empty, ErrorState, Loading } from '../../../../shared/ui/states';
import { useSubmit } from '../../../../shared/ui/useSubmit';
import { useT } from '../../i18n';
import { keys } from '../../keys';
import { caseLink } from '../../links';
import { api } from '../../services';

type CaseAction = components['schemas']['CaseAction'];

export default function ApprovalsPage(_: PageProps<'approvals'>) {
  const { t } = useT();
  const list = useQuery(keys.approvals, async () => unwrap(await api().GET('/api/v1/approvals')), { refreshEvery: 15_000 });
  const [decided, setDecided] = useState<CaseAction[]>([]);
  const waiting = (list.data ?? []).filter((a) => !decided.some((d) => d.id === a.id));
  return (
    <div class="page approvals">
      <h1>{t('approvals.page.title')}</h1>
      <div aria-live="polite" class="decisions">
        {decided.map((action) => (
          <p key={action.id} class={action.status === 'APPLIED' ? 'success' : 'notice'} data-testid={`decision-${action.id}`}>
            {t(action.status === 'APPLIED' ? 'approvals.result.approved' : 'approvals.result.rejected', { points: action.points })}
          </p>
        ))}
      </div>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.status === 'success' && (waiting.length === 0 ? <Empty>{t('approvals.list.empty')}</Empty> : (
        <ul class="approval-list">
          {waiting.map((action) => (
            <Approval key={action.id} action={action} onDecided={(result) => {
              setDecided((before) => [result, ...before]);
              invalidate(keys.approvals);
              invalidate(keys.case(result.caseId));
            }} />
          ))}
        </ul>
      ))}
    </div>
  );
}

function Approval({ action, onDecided }: { action: CaseAction; onDecided: (result: CaseAction) => void }) {
  const { t, number, dateTime } = useT();
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState<string | undefined>();
  const submission = useSubmit(async (body: { decision: 'approve' | 'reject'; reason: string }) => {
    const options = { params: { path: { id: action.id } }, body: { reason: body.reason } };
    return unwrap(body.decision === 'approve'
      ? await api().POST('/api/v1/approvals/{id}/approve', options)
      : await api().POST('/api/v1/approvals/{id}/reject', options));
  });
  const decide = async (decision: 'approve' | 'reject') => {
    if (!reason.trim()) {
      setChecked(t('approvals.reason.required'));
      return;
    }
    setChecked(undefined);
    const result = await submission.submit({ decision, reason: reason.trim() });
    if (result) onDecided(result);
  };
  const errors = fieldErrors(submission.error, { reason: checked });
  const headingId = `approval-${action.id}`;
  return (
    <li class="panel approval" aria-labelledby={headingId} data-testid={`approval-${action.id}`}>
      <h2 id={headingId}>
        {t('approvals.item.heading', { points: number(action.points) })}
      </h2>
      <p class="meta">
        {t('approvals.item.requested', { name: action.requestedBy, role: action.requestedRole, at: dateTime(action.requestedAt) })}
        {' · '}<Link href={caseLink(action.caseId)}>{t('approvals.item.case')}</Link>
      </p>
      {action.note && <blockquote>{action.note}</blockquote>}
      <form noValidate onSubmit={(e) => { e.preventDefault(); void decide('approve'); }}>
        <ProblemSummary error={submission.error} />
        <Field label={t('approvals.reason.label')} errors={errors.get('reason')} required>
          {(control) => <input {...control} type="text" maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
        <div class="buttons">
          <button type="submit" class="button" disabled={submission.pending}>{t('approvals.action.approve')}</button>
          <button type="button" class="button danger" disabled={submission.pending} onClick={() => void decide('reject')}>
            {t('approvals.action.reject')}
          </button>
        </div>
      </form>
    </li>
  );
}
