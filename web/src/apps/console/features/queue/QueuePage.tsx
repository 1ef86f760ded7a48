import { useMemo } from 'preact/hooks';

import { unwrap, type components } from '../../../../shared/api/client';
import { useQuery } from '../../../../shared/data/query';
import { useStore } from '../../../../shared/data/useStore';
import { Link, navigate, type PageProps } from '../../../../shared/router/router';
import { Empty, ErrorState, Loading } from '../../../../shared/ui/states';
import { useNow } from '../../../../shared/ui/useNow';
import { useT } from '../../i18n';
import { keys } from '../../keys';
import { caseLink } from '../../links';
import { arrivedCases, liveState } from '../../live';
import { api, auth } from '../../services';
import { bySlaRisk, filterFromQuery, matches, type CaseSummary } from './queue';
import { queueLink, type QueueFilter } from './routes';

type Touchpoint = components['schemas']['TouchpointView'];

const STATUSES = ['NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER'] as const;

export default function QueuePage({ query }: PageProps<''>) {
  const { t, plural, relative } = useT();
  const filter = filterFromQuery(query);
  const scope = filter.scope ?? 'all';
  const session = auth().session.get();
  const me = session.status === 'signed-in' || session.status === 'expired' ? session.person.username : '';
  const now = useNow(15_000);
  const live = useStore(liveState);
  const arrived = useStore(arrivedCases);

  const serverFilter = {
    open: true,
    limit: 500,
    ...(scope === 'mine' ? { owner: me } : {}),
    ...(scope === 'team' && filter.team ? { team: filter.team } : {}),
    ...(filter.status ? { status: filter.status as CaseSummary['status'] } : {}),
  };
  const cases = useQuery(keys.caseList(JSON.stringify(serverFilter)), async () =>
    unwrap(await api().GET('/api/v1/cases', { params: { query: serverFilter } })));
  const touchpoints = useQuery(keys.touchpoints, async () => unwrap(await api().GET('/api/v1/touchpoints')));

  const byCode = useMemo(() => new Map((touchpoints.data ?? []).map((tp: Touchpoint) => [tp.code, tp])), [touchpoints.data]);
  const teams = useMemo(() => [...new Set((touchpoints.data ?? []).map((tp) => tp.team))].sort(), [touchpoints.data]);
  const shown = useMemo(() => (cases.data ?? []).filter((item) => matches(item, filter)).sort(bySlaRisk),
    [cases.data, query.toString()]);

  const change = (patch: Partial<QueueFilter>) => navigate(queueLink({ ...filter, ...patch }), { replace: true });

  return (
    <div class="page queue">
      <div class="page-head">
        <h1>{t('queue.page.title')}</h1>
        <p class={`live live-${live}`} role="status" data-testid="live-state" data-state={live}>
          <span class="dot" aria-hidden="true" />
          {t(live === 'open' ? 'queue.live.open' : live === 'reconnecting' ? 'queue.live.reconnecting' : 'queue.live.connecting')}
        </p>
      </div>

      <form class="filters" aria-label={t('queue.filter.label')} onSubmit={(e) => e.preventDefault()}>
        <fieldset class="scope">
          <legend>{t('queue.filter.scope')}</legend>
          {(['mine', 'team', 'all'] as const).map((value) => (
            <label key={value} class="choice">
              <input type="radio" name="scope" value={value} checked={scope === value}
                onChange={() => change({ scope: value })} />
              {t(`queue.scope.${value}`)}
            </label>
          ))}
        </fieldset>
        {scope === 'team' && (
          <label class="filter">
            {t('queue.filter.team')}
            <select value={filter.team ?? ''} onChange={(e) => change({ team: e.currentTarget.value || undefined })}>
              <option value="">{t('queue.filter.chooseTeam')}</option>
              {teams.map((team) => <option key={team} value={team}>{team}</option>)}
            </select>
          </label>
        )}
        <label class="filter">
          {t('queue.filter.status')}
          <select value={filter.status ?? ''} onChange={(e) => change({ status: e.currentTarget.value || undefined })}>
            <option value="">{t('queue.filter.anyOpen')}</option>
            {STATUSES.map((status) => <option key={status} value={status}>{t(`case.status.${status}`)}</option>)}
          </select>
        </label>
        <label class="filter">
          {t('queue.filter.priority')}
          <select value={filter.priority ?? ''} onChange={(e) => change({ priority: e.currentTarget.value || undefined })}>
            <option value="">{t('queue.filter.any')}</option>
            {(['P1', 'P2', 'P3'] as const).map((p) => <option key={p} value={p}>{t(`case.priority.${p}`)}</option>)}
          </select>
        </label>
        <label class="filter">
          {t('queue.filter.breached')}
          <select value={filter.breached ?? ''}
            onChange={(e) => change({ breached: (e.currentTarget.value || undefined) as QueueFilter['breached'] })}>
            <option value="">{t('queue.filter.any')}</option>
            <option value="yes">{t('queue.filter.breachedYes')}</option>
            <option value="no">{t('queue.filter.breachedNo')}</option>
          </select>
        </label>
        <label class="filter">
          {t('queue.filter.touchpoint')}
          <select value={filter.touchpoint ?? ''} onChange={(e) => change({ touchpoint: e.currentTarget.value || undefined })}>
            <option value="">{t('queue.filter.any')}</option>
            {(touchpoints.data ?? []).map((tp) => <option key={tp.code} value={tp.code}>{tp.name}</option>)}
          </select>
        </label>
      </form>

      {cases.status === 'loading' && <Loading />}
      {cases.status === 'error' && <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />}
      {cases.status === 'success' && (
        <>
          {cases.error !== undefined && <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />}
          <p class="count" aria-live="polite">{plural('queue.list.count', shown.length)}</p>
          {shown.length === 0 ? (
            <Empty>{t(scope === 'mine' ? 'queue.list.emptyMine' : 'queue.list.empty')}</Empty>
          ) : (
            <table class="cases">
              <caption class="visually-hidden">{t('queue.list.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('queue.column.priority')}</th>
                  <th scope="col">{t('queue.column.case')}</th>
                  <th scope="col">{t('queue.column.status')}</th>
                  <th scope="col">{t('queue.column.team')}</th>
                  <th scope="col">{t('queue.column.owner')}</th>
                  <th scope="col">{t('queue.column.waiting')}</th>
                  <th scope="col">{t('queue.column.sla')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((item) => (
                  <tr key={item.id} data-testid={`case-row-${item.id}`} class={arrived.has(item.id) ? 'arrived' : undefined}>
                    <td data-label={t('queue.column.priority')}><span class={`badge priority-${item.priority}`}>{t(`case.priority.${item.priority}`)}</span></td>
                    <td data-label={t('queue.column.case')}>
                      <Link href={caseLink(item.id)} class="case-link">
                        {byCode.get(item.touchpointCode)?.name ?? item.touchpointCode}
                        <span class="visually-hidden"> · {t(`case.priority.${item.priority}`)} · {relative(item.openedAt, now)}</span>
                      </Link>
                      {arrived.has(item.id) && <span class="badge new">{t('queue.list.new')}</span>}
                    </td>
                    <td data-label={t('queue.column.status')}>{t(`case.status.${item.status}`)}</td>
                    <td data-label={t('queue.column.team')}>{item.team}</td>
                    <td data-label={t('queue.column.owner')}>{item.ownerName}</td>
                    <td data-label={t('queue.column.waiting')}><time dateTime={item.openedAt}>{relative(item.openedAt, now)}</time></td>
                    <td data-label={t('queue.column.sla')}>
                      {item.breached
                        ? <span class="badge breached">{t('queue.sla.breached')}</span>
                        : <span class="badge ok">{t('queue.sla.onTime')}</span>}
                      {item.escalationLevel > 0 && <span class="badge escalated">{t('queue.sla.escalated', { level: item.escalationLevel })}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
