import type { ComponentChildren } from 'preact';

import { useQuery } from '../../../../shared/data/query';
import { Link, type PageProps } from '../../../../shared/router/router';
import { Section } from '../../../../shared/ui/forms';
import { Empty, ErrorState, Loading, Unavailable } from '../../../../shared/ui/states';
import { useT } from '../../i18n';
import { keys } from '../../keys';
import { caseLink } from '../../links';
import {
  fetch360, sectionData, type Balance, type Customer360, type CustomerView, type Nps, type OpenCase,
  type RecentFeedback, type Section as SectionData,
} from './customerApi';
import { ExpiringPointsSection, Privacy, Purchases, Statement } from './Extras';
import { PurposeGate } from './PurposeGate';
import { auth } from '../../services';

export default function Customer360Page({ params }: PageProps<'customers/:id'>) {
  const { t } = useT();
  return (
    <div class="page customer">
      <PurposeGate heading={<h1>{t('customer.view.title')}</h1>}>
        <View id={params.id} />
      </PurposeGate>
    </div>
  );
}

function View({ id }: { id: string }) {
  const { t } = useT();
  const view = useQuery(keys.customer360(id), () => fetch360(id));
  if (view.status === 'loading') return <><h1>{t('customer.view.title')}</h1><Loading /></>;
  if (!view.data) return <><h1>{t('customer.view.title')}</h1><ErrorState error={view.error} onRetry={() => void view.refetch()} /></>;
  return <Loaded data={view.data} refresh={() => void view.refetch()} refreshing={view.fetching} error={view.error} />;
}

function Block<T>(props: { title: string; section: SectionData; children: (data: T) => ComponentChildren; testId: string; wide?: boolean }) {
  const data = sectionData<T>(props.section);
  return (
    <Section title={props.title} {...(props.wide ? { class: 'wide' } : {})}>
      <div data-testid={props.testId} data-section={props.section.status}>
        {props.section.status === 'unavailable' ? <Unavailable reason={props.section.reason} /> : data === undefined ? null : props.children(data)}
      </div>
    </Section>
  );
}

function Loaded({ data, refresh, refreshing, error }: { data: Customer360; refresh: () => void; refreshing: boolean; error: unknown }) {
  const { t, number, dateTime, date } = useT();
  const profile = sectionData<CustomerView>(data.profile);
  const session = auth().session.get();
  const admin = 'person' in session && session.person.roles.includes('admin');
  return (
    <>
      <div class="page-head">
        <h1>{profile?.name ?? t('customer.view.title')}</h1>
        <button type="button" class="button secondary" onClick={refresh} disabled={refreshing}>
          {t('customer.view.refresh')}
        </button>
      </div>
      {error !== undefined && <ErrorState error={error} onRetry={refresh} />}
      <div class="grid-360">
        <Block<CustomerView> title={t('customer.profile.title')} section={data.profile} testId="section-profile">
          {(p) => (
            <dl class="facts">
              <dt>{t('customer.profile.memberCode')}</dt><dd>{p.memberCode}</dd>
              <dt>{t('customer.profile.email')}</dt><dd>{p.email ?? '—'}</dd>
              <dt>{t('customer.profile.phone')}</dt><dd>{p.phone ?? '—'}</dd>
              <dt>{t('customer.profile.status')}</dt><dd>{p.status}</dd>
              {p.birthDate && <><dt>{t('customer.profile.birthDate')}</dt><dd>{date(p.birthDate)}</dd></>}
              <dt>{t('customer.profile.since')}</dt><dd>{date(p.createdAt)}</dd>
              {p.contactsMasked && <dd class="hint full">{t('customer.profile.masked')}</dd>}
            </dl>
          )}
        </Block>
        <Block<Balance> title={t('customer.points.title')} section={data.points} testId="section-points">
          {(b) => (
            <dl class="facts">
              <dt>{t('customer.points.available')}</dt><dd class="big" data-testid="points-available">{number(b.available)}</dd>
              <dt>{t('customer.points.tier')}</dt><dd>{b.tier}</dd>
              <dt>{t('customer.points.posted')}</dt><dd>{number(b.posted)}</dd>
              <dt>{t('customer.points.held')}</dt><dd>{number(b.held)}</dd>
              <dt>{t('customer.points.locked')}</dt><dd>{number(b.locked)}</dd>
              <dt>{t('customer.points.asOf')}</dt><dd>{dateTime(b.asOf)}</dd>
            </dl>
          )}
        </Block>
        <Block<Nps> title={t('customer.nps.title')} section={data.nps} testId="section-nps">
          {(nps) => nps.score == null ? <Empty>{t('customer.nps.none')}</Empty> : (
            <p class="big">{number(nps.score)} <span class="meta">({t('customer.nps.responses', { count: nps.responses })})</span></p>
          )}
        </Block>
        <Block<OpenCase[]> title={t('customer.cases.title')} section={data.openCases} testId="section-cases" wide>
          {(cases) => cases.length === 0 ? <Empty>{t('customer.cases.none')}</Empty> : (
            <ul class="plain">
              {cases.map((c) => (
                <li key={c.id}>
                  <Link href={caseLink(c.id)}>{t(`case.status.${c.status}`)} · {t(`case.priority.${c.priority}`)}</Link>
                  <span class="meta"> · {dateTime(c.openedAt)} · {c.ownerName}</span>
                </li>
              ))}
            </ul>
          )}
        </Block>
        <Block<RecentFeedback[]> title={t('customer.feedback.title')} section={data.recentFeedback} testId="section-feedback">
          {(items) => items.length === 0 ? <Empty>{t('customer.feedback.none')}</Empty> : (
            <ul class="plain">
              {items.map((f) => (
                <li key={f.id}>
                  {t(`feedback.type.${f.type}`)} · {f.touchpointCode}
                  {f.csat != null && <> · CSAT {number(f.csat)}</>}
                  {f.nps != null && <> · NPS {number(f.nps)}</>}
                  <span class="meta"> · {dateTime(f.submittedAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </Block>
      </div>
      <div class="grid-360">
        <Purchases id={data.customerId} />
        <ExpiringPointsSection id={data.customerId} />
        <Statement id={data.customerId} />
        <Privacy id={data.customerId} memberCode={profile?.memberCode ?? undefined} admin={admin} />
      </div>
    </>
  );
}
