import { useEffect, useState } from 'preact/hooks';

import { unwrap } from '../../../../shared/api/client';
import { useQuery } from '../../../../shared/data/query';
import { Section } from '../../../../shared/ui/forms';
import type { PageProps } from '../../../../shared/router/router';
import { Link } from '../../../../shared/router/router';
import { Empty, ErrorState, Loading } from '../../../../shared/ui/states';
import { useNow } from '../../../../shared/ui/useNow';
import { useT } from '../../i18n';
import { keys } from '../../keys';
import { customerLink } from '../../links';
import { api } from '../../services';
import { fetchCase, fetchFeedback, fetchHistory, type StaffCase } from './caseApi';
import { CompensationForm } from './CompensationForm';
import { AssignForm, NoteForm, OtherActionForm } from './SmallForms';
import { StatusForm } from './StatusForm';

/** While a request waits for approval, look again this often (approvals send no event on the stream). */
const PENDING_REFRESH_MS = 3_000;

export default function CasePage({ params }: PageProps<'cases/:id'>) {
  const { t } = useT();
  const [refreshEvery, setRefreshEvery] = useState<number | undefined>();
  const item = useQuery(keys.caseDetail(params.id), () => fetchCase(params.id), refreshEvery ? { refreshEvery } : {});
  const pending = item.data?.actions.some((a) => a.status === 'PENDING_APPROVAL') ?? false;
  useEffect(() => setRefreshEvery(pending ? PENDING_REFRESH_MS : undefined), [pending]);

  if (item.status === 'loading') return <div class="page"><h1>{t('case.page.title')}</h1><Loading /></div>;
  if (item.status === 'error' || !item.data) {
    return <div class="page"><h1>{t('case.page.title')}</h1><ErrorState error={item.error} onRetry={() => void item.refetch()} /></div>;
  }
  return <CaseView item={item.data} />;
}

function CaseView({ item }: { item: StaffCase }) {
  const { t, number, dateTime } = useT();
  const feedback = useQuery(keys.feedback(item.feedbackId), () => fetchFeedback(item.feedbackId));
  const history = useQuery(keys.caseHistory(item.id), () => fetchHistory(item.id));
  const touchpoints = useQuery(keys.touchpoints, async () => unwrap(await api().GET('/api/v1/touchpoints')));
  const touchpoint = touchpoints.data?.find((tp) => tp.code === item.touchpointCode)?.name ?? item.touchpointCode;

  return (
    <div class="page case">
      <div class="page-head">
        <h1>
          {t('case.page.heading', { touchpoint })}
        </h1>
        <p class="badges">
          <span class={`badge priority-${item.priority}`}>{t(`case.priority.${item.priority}`)}</span>
          <span class="badge status" data-testid="case-status">{t(`case.status.${item.status}`)}</span>
          {item.sla.firstResponseBreached || item.sla.resolutionBreached
            ? <span class="badge breached">{t('queue.sla.breached')}</span> : null}
        </p>
      </div>

      <div class="columns">
        <div class="main-column">
          <Section title={t('case.feedback.title')}>
            {feedback.status === 'loading' && <Loading />}
            {feedback.status === 'error' && <ErrorState error={feedback.error} onRetry={() => void feedback.refetch()} />}
            {feedback.data && (
              <div class="feedback">
                <blockquote data-testid="feedback-text">{feedback.data.text ?? t('case.feedback.noText')}</blockquote>
                <dl class="facts compact">
                  <dt>{t('case.feedback.type')}</dt><dd>{t(`feedback.type.${feedback.data.type}`)}</dd>
                  <dt>{t('case.feedback.channel')}</dt><dd>{t(`feedback.channel.${feedback.data.channel}`)}</dd>
                  {feedback.data.csat != null && <><dt>CSAT</dt><dd>{number(feedback.data.csat)} / 5</dd></>}
                  {feedback.data.nps != null && <><dt>NPS</dt><dd>{number(feedback.data.nps)} / 10</dd></>}
                  {feedback.data.ces != null && <><dt>CES</dt><dd>{number(feedback.data.ces)} / 7</dd></>}
                  <dt>{t('case.feedback.submitted')}</dt><dd>{dateTime(feedback.data.submittedAt)}</dd>
                </dl>
              </div>
            )}
          </Section>

          <Section title={t('case.compensation.title')} class="highlight">
            <CompensationForm item={item} />
          </Section>

          <Section title={t('case.status.title')}>
            <StatusForm item={item} />
          </Section>

          <Section title={t('case.notes.title')}>
            {item.notes.length === 0 ? <Empty>{t('case.notes.empty')}</Empty> : (
              <ul class="notes">
                {item.notes.map((note) => (
                  <li key={note.id}>
                    <p>{note.text ?? t('case.notes.erased')}</p>
                    <p class="meta">
                      {note.author} · {dateTime(note.at)} · {t(`case.notes.visibility.${note.visibility}`)}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            <NoteForm item={item} />
          </Section>
        </div>

        <div class="side-column">
          <Section title={t('case.facts.title')}>
            <dl class="facts">
              <dt>{t('case.facts.status')}</dt><dd>{t(`case.status.${item.status}`)}</dd>
              <dt>{t('case.facts.severity')}</dt><dd>{t(`case.severity.${item.severity}`)}</dd>
              <dt>{t('case.facts.team')}</dt><dd>{item.team}</dd>
              <dt>{t('case.facts.owner')}</dt><dd>{item.ownerName}</dd>
              <dt>{t('case.facts.opened')}</dt><dd>{dateTime(item.openedAt)}</dd>
              <dt>{t('case.facts.customer')}</dt>
              <dd>{item.customerId ? <Link href={customerLink(item.customerId)}>{t('case.facts.customer360')}</Link> : t('case.facts.anonymous')}</dd>
              {item.rootCause && <><dt>{t('case.status.rootCause')}</dt><dd>{item.rootCause}</dd></>}
            </dl>
            <SlaClock item={item} />
          </Section>

          <Section title={t('case.actions.title')}>
            {item.actions.length === 0 ? <Empty>{t('case.actions.empty')}</Empty> : (
              <ul class="actions" data-testid="case-actions">
                {item.actions.map((action) => (
                  <li key={action.id} data-status={action.status}>
                    <strong>{t(`case.action.kind.${action.kind}`)}</strong>
                    {action.kind === 'COMPENSATION_POINTS' && <> · {t('case.actions.points', { points: number(action.points) })}</>}
                    {' · '}<span class={`badge action-${action.status}`}>{t(`case.actions.status.${action.status}`)}</span>
                    <p class="meta">{action.requestedBy} · {dateTime(action.requestedAt)}
                      {action.decidedBy && <> · {t('case.actions.decidedBy', { name: action.decidedBy })}</>}
                      {action.decisionReason && <> · {action.decisionReason}</>}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            <OtherActionForm item={item} />
          </Section>

          <Section title={t('case.recovery.title')}>
            {item.recovery.requestedAt == null ? <Empty>{t('case.recovery.notAsked')}</Empty> : (
              <dl class="facts">
                <dt>{t('case.recovery.asked')}</dt><dd>{dateTime(item.recovery.requestedAt)}</dd>
                <dt>{t('case.recovery.rating')}</dt>
                <dd>{item.recovery.csat == null ? t('case.recovery.noAnswer') : `${number(item.recovery.csat)} / 5`}</dd>
                {item.recovery.ratedAt && <><dt>{t('case.recovery.rated')}</dt><dd>{dateTime(item.recovery.ratedAt)}</dd></>}
              </dl>
            )}
          </Section>

          <Section title={t('case.owner.title')}>
            <AssignForm item={item} />
          </Section>

          <Section title={t('case.history.title')}>
            {history.status === 'loading' && <Loading />}
            {history.status === 'error' && <ErrorState error={history.error} onRetry={() => void history.refetch()} />}
            {history.data && (history.data.length === 0 ? <Empty>{t('case.history.empty')}</Empty> : (
              <ol class="history">
                {history.data.map((entry) => (
                  <li key={entry.id}>
                    <span class="meta">{dateTime(entry.at)} · {entry.actor}</span> {entry.kind}: {entry.detail}
                  </li>
                ))}
              </ol>
            ))}
          </Section>
        </div>
      </div>
    </div>
  );
}

function SlaClock({ item }: { item: StaffCase }) {
  const { t, duration } = useT();
  const now = useNow(1_000);
  const row = (label: string, due: string | null | undefined, breached: boolean, done: boolean) => {
    if (done) return <><dt>{label}</dt><dd>{t('case.sla.met')}</dd></>;
    if (!due) return null;
    const left = (Date.parse(due) - now) / 1000;
    return (
      <>
        <dt>{label}</dt>
        <dd class={breached || left < 0 ? 'overdue' : left < 600 ? 'soon' : undefined}>
          {item.sla.paused ? t('case.sla.paused') : left >= 0 ? t('case.sla.dueIn', { time: duration(left) })
            : t('case.sla.overdue', { time: duration(-left) })}
        </dd>
      </>
    );
  };
  return (
    <dl class="facts sla" aria-label={t('case.sla.title')}>
      {row(t('case.sla.firstResponse'), item.sla.firstResponseDueAt, item.sla.firstResponseBreached, item.firstResponseAt != null)}
      {row(t('case.sla.resolution'), item.sla.resolutionDueAt, item.sla.resolutionBreached, item.resolvedAt != null)}
    </dl>
  );
}
