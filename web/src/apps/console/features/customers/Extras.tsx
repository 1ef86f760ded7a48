// The 360's further sections, each read on its own (with the session's access purpose): purchases, expiring
// points, the points statement; the data export; and, for administrators, erasure with its progress per service.
import { useEffect, useState } from 'preact/hooks';

import { ProblemError } from '../../../../shared/api/client';
import { invalidate, setQueryData, useQuery } from '../../../../shared/data/query';
import { Field, ProblemSummary, Section } from '../../../../shared/ui/forms';
import { Pager, useCursorPages } from '../../../../shared/ui/Pager';
import { Empty, ErrorState, Loading } from '../../../../shared/ui/states';
import { useSubmit } from '../../../../shared/ui/useSubmit';
import { useT } from '../../i18n';
import { keys } from '../../keys';
import {
  eraseCustomer, fetchErasure, fetchExpiring, fetchExport, fetchPurchases, fetchStatement, type Erasure,
} from './customerApi';

const PAGE_SIZE = 10;

/** Amounts are in the currency's minor unit; the won has none, so they are whole won. */
function useMoney() {
  const { locale } = useT();
  const won = new Intl.NumberFormat(locale, { style: 'currency', currency: 'KRW' });
  return (minor: number) => won.format(minor);
}

export function Purchases({ id }: { id: string }) {
  const { t, dateTime, number } = useT();
  const money = useMoney();
  const pages = useCursorPages();
  const list = useQuery(keys.customerPurchases(id, pages.after), () => fetchPurchases(id, pages.after, PAGE_SIZE));
  const items = list.data?.items ?? [];
  return (
    <Section title={t('customer.purchases.title')} class="wide">
      <div data-testid="section-purchases">
        {list.status === 'loading' && <Loading />}
        {list.status === 'error' && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
        {list.data && (items.length === 0 ? <Empty>{t('customer.purchases.none')}</Empty> : (
          <div class="table-scroll" role="region" aria-label={t('customer.purchases.title')} tabIndex={0}>
            <table class="data">
              <caption class="visually-hidden">{t('customer.purchases.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('customer.purchases.when')}</th>
                  <th scope="col">{t('customer.purchases.order')}</th>
                  <th scope="col">{t('customer.purchases.channel')}</th>
                  <th scope="col" class="num">{t('customer.purchases.items')}</th>
                  <th scope="col" class="num">{t('customer.purchases.total')}</th>
                  <th scope="col" class="num">{t('customer.purchases.returned')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <td>{dateTime(p.occurredAt)}</td>
                    <th scope="row">{p.externalOrderId}<span class="meta"> · {p.source}</span></th>
                    <td>{t(`feedback.channel.${p.channel}`)}{p.touchpointCode ? <span class="meta"> · {p.touchpointCode}</span> : null}</td>
                    <td class="num">{number(p.lines.reduce((sum, line) => sum + (line.quantity ?? 0), 0))}</td>
                    <td class="num">{money(p.totalMinor)}</td>
                    <td class="num">{p.returnedMinor > 0 ? money(p.returnedMinor) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
        {list.data && <Pager pages={pages} nextCursor={list.data.nextCursor} busy={list.fetching} label={t('customer.purchases.pages')} />}
      </div>
    </Section>
  );
}

const WITHIN = [30, 90, 365] as const;

export function ExpiringPointsSection({ id }: { id: string }) {
  const { t, number, date } = useT();
  const [within, setWithin] = useState<number>(90);
  const expiring = useQuery(keys.customerExpiring(id, within), () => fetchExpiring(id, within));
  return (
    <Section title={t('customer.expiring.title')}>
      <div data-testid="section-expiring">
        <Field label={t('customer.expiring.within')}>
          {(control) => (
            <select {...control} value={String(within)} onChange={(e) => setWithin(Number(e.currentTarget.value))}>
              {WITHIN.map((days) => <option key={days} value={String(days)}>{t('customer.expiring.days', { days })}</option>)}
            </select>
          )}
        </Field>
        {expiring.status === 'loading' && <Loading />}
        {expiring.status === 'error' && <ErrorState error={expiring.error} onRetry={() => void expiring.refetch()} />}
        {expiring.data && (
          <>
            <p><span class="big" data-testid="expiring-total">{number(expiring.data.totalPoints)}</span>{' '}
              {t('customer.expiring.until', { date: date(expiring.data.until) })}</p>
            {expiring.data.lots.length === 0 ? <Empty>{t('customer.expiring.none')}</Empty> : (
              <ul class="plain">
                {expiring.data.lots.map((lot) => (
                  <li key={lot.lotId}>
                    {t('customer.expiring.lot', { points: number(lot.remaining), date: date(lot.expiresAt) })}
                    {lot.locked && <span class="badge status"> {t('customer.expiring.locked')}</span>}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </Section>
  );
}

export function Statement({ id }: { id: string }) {
  const { t, number, dateTime } = useT();
  const pages = useCursorPages();
  const statement = useQuery(keys.customerStatement(id, pages.after), () => fetchStatement(id, pages.after, PAGE_SIZE));
  const signed = new Intl.NumberFormat(useT().locale, { signDisplay: 'exceptZero' });
  return (
    <Section title={t('customer.statement.title')} class="wide">
      <div data-testid="section-statement">
        {statement.status === 'loading' && <Loading />}
        {statement.status === 'error' && <ErrorState error={statement.error} onRetry={() => void statement.refetch()} />}
        {statement.data && (statement.data.items.length === 0 ? <Empty>{t('customer.statement.none')}</Empty> : (
          <div class="table-scroll" role="region" aria-label={t('customer.statement.title')} tabIndex={0}>
            <table class="data">
              <caption class="visually-hidden">{t('customer.statement.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('customer.statement.when')}</th>
                  <th scope="col">{t('customer.statement.kind')}</th>
                  <th scope="col">{t('customer.statement.description')}</th>
                  <th scope="col" class="num">{t('customer.statement.points')}</th>
                </tr>
              </thead>
              <tbody>
                {statement.data.items.map((line) => (
                  <tr key={line.transactionId}>
                    <td>{dateTime(line.createdAt)}</td>
                    <td>{t(`customer.statement.kind.${line.kind}`)}</td>
                    <td>{line.description}</td>
                    <td class={`num ${line.amount < 0 ? 'minus' : 'plus'}`}>{signed.format(line.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
        {statement.data && <Pager pages={pages} nextCursor={statement.data.nextCursor} busy={statement.fetching} label={t('customer.statement.pages')} />}
        {statement.data && <p class="meta">{t('customer.statement.count', { count: number(statement.data.totalItems) })}</p>}
      </div>
    </Section>
  );
}

/** The customer's data from every service, saved as a JSON file. */
export function Privacy({ id, memberCode, admin }: { id: string; memberCode: string | undefined; admin: boolean }) {
  const { t } = useT();
  const download = useSubmit(async () => {
    const data = await fetchExport(id);
    const file = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(file);
    const link = document.createElement('a');
    link.href = url;
    link.download = `motcrm-customer-${id}-${data.exportedAt.slice(0, 10)}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return data.exportedAt;
  });
  return (
    <Section title={t('customer.privacy.title')} class="wide">
      <div data-testid="section-privacy">
        <p>{t('customer.export.why')}</p>
        <ProblemSummary error={download.error} />
        <button type="button" class="button secondary" disabled={download.pending} onClick={() => void download.submit(undefined)}>
          {t(download.pending ? 'customer.export.preparing' : 'customer.export.download')}
        </button>
        {download.result && <p class="success" role="status">{t('customer.export.done')}</p>}
        {admin && <ErasureBlock id={id} memberCode={memberCode} />}
      </div>
    </Section>
  );
}

function ErasureBlock({ id, memberCode }: { id: string; memberCode: string | undefined }) {
  const { t } = useT();
  // While services are still erasing, their progress is read again every 2 s.
  const [polling, setPolling] = useState(false);
  const erasure = useQuery(keys.customerErasure(id), () => fetchErasure(id), polling ? { refreshEvery: 2_000 } : {});
  useEffect(() => setPolling(Boolean(erasure.data && !erasure.data.completed)), [erasure.data]);
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const [checked, setChecked] = useState<string | undefined>();
  const confirmWith = memberCode ?? id;
  const submission = useSubmit((_: undefined, key: string) => eraseCustomer(id, key));

  const erase = async (event: Event) => {
    event.preventDefault();
    if (typed.trim() !== confirmWith) {
      setChecked(t('customer.erasure.confirmMismatch', { code: confirmWith }));
      return;
    }
    setChecked(undefined);
    const result = await submission.submit(undefined);
    if (result) {
      setQueryData<Erasure | null>(keys.customerErasure(id), () => result);
      setAsking(false);
      invalidate(keys.customer360(id));
      invalidate(keys.customer(id));
    }
  };

  return (
    <div class="erasure">
      <h3>{t('customer.erasure.title')}</h3>
      {erasure.status === 'loading' && <Loading />}
      {erasure.status === 'error' && !(erasure.error instanceof ProblemError && erasure.error.status === 404)
        && <ErrorState error={erasure.error} onRetry={() => void erasure.refetch()} />}
      {erasure.data && <ErasureProgress erasure={erasure.data} />}
      {erasure.status === 'success' && erasure.data === null && !asking && (
        <>
          <p>{t('customer.erasure.what')}</p>
          <button type="button" class="button danger" onClick={() => setAsking(true)}>{t('customer.erasure.start')}</button>
        </>
      )}
      {erasure.data === null && asking && (
        <form class="confirm" noValidate onSubmit={erase} aria-labelledby="erasure-confirm-title">
          <p id="erasure-confirm-title" class="notice">{t('customer.erasure.warning')}</p>
          <ProblemSummary error={submission.error} />
          <Field label={t('customer.erasure.confirmLabel', { code: confirmWith })} errors={checked ? [checked] : undefined} required>
            {(control) => <input {...control} type="text" autoComplete="off" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />}
          </Field>
          <div class="buttons">
            <button type="submit" class="button danger" disabled={submission.pending}>{t('customer.erasure.confirm')}</button>
            <button type="button" class="button secondary" onClick={() => { setAsking(false); setTyped(''); setChecked(undefined); }}>
              {t('customer.erasure.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function ErasureProgress({ erasure }: { erasure: Erasure }) {
  const { t, dateTime } = useT();
  return (
    <div data-testid="erasure-progress" data-completed={String(Boolean(erasure.completed))}>
      <p class={erasure.completed ? 'success' : 'notice'} role="status">
        {t(erasure.completed ? 'customer.erasure.completed' : 'customer.erasure.running',
          { at: erasure.requestedAt ? dateTime(erasure.requestedAt) : '' })}
      </p>
      <table class="data">
        <caption class="visually-hidden">{t('customer.erasure.progress')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('customer.erasure.service')}</th>
            <th scope="col">{t('customer.erasure.status')}</th>
            <th scope="col">{t('customer.erasure.completedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {(erasure.services ?? []).map((target) => (
            <tr key={target.service} data-testid={`erasure-${target.service}`} data-status={target.status ?? ''}>
              <th scope="row">{target.service}</th>
              <td><span class={`badge erasure-${target.status ?? 'PENDING'}`}>{t(`customer.erasure.status.${target.status ?? 'PENDING'}`)}</span></td>
              <td>{target.completedAt ? dateTime(target.completedAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
