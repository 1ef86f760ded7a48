// The MOT dashboard: where moments of truth go well or badly, at a glance. The period and the metric live in
// the URL (?days=30&metric=nps), so a view can be shared and the browser's back button works.
import { useMemo } from 'preact/hooks';

import { useQuery } from '../../../../shared/data/query';
import { navigate, type PageProps } from '../../../../shared/router/router';
import { Empty, ErrorState, Loading } from '../../../../shared/ui/states';
import { useT } from '../../i18n';
import { keys } from '../../keys';
import { ChartPanel, Legend, PercentBars, RangeBars, Sized, TrendChart, bandClass, useMetricFormat } from './Charts';
import { fetchReport, fetchTouchpoints, fetchTrend } from './dashboardApi';
import {
  METRICS, PERIODS, STAGES, heatMap, total, usedChannels, type Metric, type MotReport, type Period, type Touchpoint,
} from './model';
import { dashboardLink } from './routes';

export default function DashboardPage({ query }: PageProps<'dashboard'>) {
  const { t } = useT();
  const days = (PERIODS as readonly number[]).includes(Number(query.get('days'))) ? (Number(query.get('days')) as Period) : 30;
  const metric = (METRICS as readonly string[]).includes(query.get('metric') ?? '') ? (query.get('metric') as Metric) : 'nps';
  const change = (view: { days?: Period; metric?: Metric }) => navigate(dashboardLink({ days, metric, ...view }), { replace: true });

  const byTouchpoint = useQuery(keys.motReport(days, 'touchpoint'), () => fetchReport(days, 'touchpoint'));
  const byTeam = useQuery(keys.motReport(days, 'team'), () => fetchReport(days, 'team'));
  const trend = useQuery(keys.motTrend(days), () => fetchTrend(days));
  const touchpoints = useQuery(keys.touchpointsAll, fetchTouchpoints);

  return (
    <div class="page dashboard">
      <div class="page-head">
        <h1>{t('dashboard.page.title')}</h1>
      </div>
      <form class="filters" aria-label={t('dashboard.view.label')} onSubmit={(e) => e.preventDefault()}>
        <label class="filter">
          {t('dashboard.view.period')}
          <select value={String(days)} onChange={(e) => change({ days: Number(e.currentTarget.value) as Period })}>
            {PERIODS.map((value) => <option key={value} value={String(value)}>{t('dashboard.view.lastDays', { days: value })}</option>)}
          </select>
        </label>
        <fieldset class="metric">
          <legend>{t('dashboard.view.metric')}</legend>
          {METRICS.map((value) => (
            <label key={value} class="choice">
              <input type="radio" name="metric" value={value} checked={metric === value} onChange={() => change({ metric: value })} />
              {t(`dashboard.metric.${value}`)}
            </label>
          ))}
        </fieldset>
      </form>

      {byTouchpoint.status === 'loading' || touchpoints.status === 'loading' ? <Loading />
        : !byTouchpoint.data || !touchpoints.data ? <ErrorState error={byTouchpoint.error ?? touchpoints.error} onRetry={() => {
          void byTouchpoint.refetch();
          void touchpoints.refetch();
        }} />
        : (
          <div class="dashboard-grid">
            <Overview report={byTouchpoint.data} touchpoints={touchpoints.data} metric={metric} />
            {byTeam.status === 'loading' ? <Pending title={t('dashboard.sla.title')} />
              : !byTeam.data ? <Failed title={t('dashboard.sla.title')} error={byTeam.error} retry={() => void byTeam.refetch()} />
              : <Sla report={byTeam.data} />}
            {trend.status === 'loading' ? <Pending title={t('dashboard.trend.title')} wide />
              : !trend.data ? <Failed title={t('dashboard.trend.title')} error={trend.error} retry={() => void trend.refetch()} wide />
              : <Trend points={trend.data} metric={metric} days={days} />}
          </div>
        )}
    </div>
  );
}

function Pending({ title, wide }: { title: string; wide?: boolean }) {
  return <section class={`panel${wide ? ' wide' : ''}`}><h2>{title}</h2><Loading /></section>;
}

function Failed({ title, error, retry, wide }: { title: string; error: unknown; retry: () => void; wide?: boolean }) {
  return <section class={`panel${wide ? ' wide' : ''}`}><h2>{title}</h2><ErrorState error={error} onRetry={retry} /></section>;
}

function Overview({ report, touchpoints, metric }: { report: MotReport; touchpoints: Touchpoint[]; metric: Metric }) {
  const { t, number } = useT();
  const format = useMetricFormat();
  const all = total(report.rows);
  const names = new Map(touchpoints.map((tp) => [tp.code, tp.name]));
  return (
    <>
      <dl class="kpis wide" data-testid="kpis">
        <div><dt>{t('dashboard.kpi.volume')}</dt><dd>{number(all.volume)}</dd></div>
        <div><dt>{t('dashboard.metric.nps')}</dt><dd>{format('nps', all.nps)}</dd></div>
        <div><dt>{t('dashboard.metric.csat')}</dt><dd>{format('csat', all.csat)}</dd></div>
        <div><dt>{t('dashboard.metric.complaintRate')}</dt><dd>{format('complaintRate', all.complaintRate)}</dd></div>
        <div><dt>{t('dashboard.kpi.cases')}</dt><dd>{number(all.cases)}</dd></div>
      </dl>
      <HeatMap report={report} touchpoints={touchpoints} metric={metric} />
      <WordOfMouth report={report} names={names} />
    </>
  );
}

function HeatMap({ report, touchpoints, metric }: { report: MotReport; touchpoints: Touchpoint[]; metric: Metric }) {
  const { t, number } = useT();
  const format = useMetricFormat();
  const cells = useMemo(() => heatMap(report.rows, touchpoints), [report, touchpoints]);
  const channels = usedChannels(touchpoints);
  const byKey = new Map(report.rows.map((row) => [row.key, row]));
  const metricName = t(`dashboard.metric.${metric}`);
  const worst = report.worstMoments[0];
  const worstName = worst ? touchpoints.find((tp) => tp.code === worst.key)?.name ?? worst.key : undefined;
  const summary = report.rows.length === 0 ? t('dashboard.heat.summaryEmpty')
    : worstName ? t('dashboard.heat.summary', { metric: metricName, worst: worstName }) : t('dashboard.heat.summaryEmpty');
  if (touchpoints.length === 0) return <section class="panel wide"><h2>{t('dashboard.heat.title', { metric: metricName })}</h2><Empty>{t('dashboard.heat.noTouchpoints')}</Empty></section>;
  return (
    <ChartPanel class="wide" testId="heat-map" title={t('dashboard.heat.title', { metric: metricName })} summary={summary} chartIsTable
      chart={
        <>
          <div class="table-scroll" role="region" aria-label={t('dashboard.heat.title', { metric: metricName })} tabIndex={0}>
            <table class="heat">
              <caption class="visually-hidden">{t('dashboard.heat.caption', { metric: metricName })}</caption>
              <thead>
                <tr>
                  <td />
                  {channels.map((channel) => <th key={channel} scope="col">{t(`feedback.channel.${channel}`)}</th>)}
                </tr>
              </thead>
              <tbody>
                {STAGES.map((stage, s) => (
                  <tr key={stage}>
                    <th scope="row">{t(`dashboard.stage.${stage}`)}</th>
                    {channels.map((channel) => {
                      const cell = cells[s]!.find((c) => c.channel === channel)!;
                      if (cell.touchpoints.length === 0) return <td key={channel} class="heat-cell empty"><span class="visually-hidden">{t('dashboard.heat.noTouchpoint')}</span></td>;
                      const value = cell.totals[metric];
                      return (
                        <td key={channel} class={`heat-cell ${bandClass(metric, value)}`} data-testid={`heat-${stage}-${channel}`}>
                          <span class="heat-value">{format(metric, value)}</span>
                          <span class="heat-touchpoints">{cell.touchpoints.map((tp) => tp.name).join(', ')}</span>
                          <span class="heat-volume">{t('dashboard.heat.volume', { count: number(cell.totals.volume) })}</span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Legend metric={metric} />
        </>
      }
      table={
        <table class="data" data-testid="touchpoint-table">
          <caption>{t('dashboard.table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.table.touchpoint')}</th>
              <th scope="col">{t('dashboard.table.stage')}</th>
              <th scope="col">{t('dashboard.table.channel')}</th>
              <th scope="col" class="num">{t('dashboard.kpi.volume')}</th>
              <th scope="col" class="num">{t('dashboard.metric.nps')}</th>
              <th scope="col" class="num">{t('dashboard.metric.csat')}</th>
              <th scope="col" class="num">{t('dashboard.metric.complaintRate')}</th>
              <th scope="col" class="num">{t('dashboard.kpi.cases')}</th>
              <th scope="col" class="num">{t('dashboard.sla.compliance')}</th>
            </tr>
          </thead>
          <tbody>
            {touchpoints.map((tp) => {
              const row = byKey.get(tp.code);
              return (
                <tr key={tp.code} data-testid={`touchpoint-row-${tp.code}`}>
                  <th scope="row">{tp.name}</th>
                  <td>{t(`dashboard.stage.${tp.stage}`)}</td>
                  <td>{t(`feedback.channel.${tp.channel}`)}</td>
                  <td class="num" data-testid="volume">{number(row?.volume ?? 0)}</td>
                  <td class="num">{format('nps', row?.nps)}</td>
                  <td class="num">{format('csat', row?.avgCsat)}</td>
                  <td class="num">{format('complaintRate', row?.complaintRate)}</td>
                  <td class="num">{number(row?.cases ?? 0)}</td>
                  <td class="num">{format('percent', row?.slaCompliance)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      }
    />
  );
}

function WordOfMouth({ report, names }: { report: MotReport; names: Map<string, string> }) {
  const { t, number } = useT();
  const all = total(report.rows);
  const range = (low: number, high: number) => t('dashboard.wom.range', { low: number(low), high: number(high) });
  const items = report.worstMoments.filter((m) => m.detractors > 0)
    .map((m) => ({ label: names.get(m.key) ?? m.key, low: m.wordOfMouth.low, high: m.wordOfMouth.high, detractors: m.detractors }));
  return (
    <ChartPanel testId="word-of-mouth" title={t('dashboard.wom.title')}
      summary={t('dashboard.wom.summary', { detractors: number(all.detractors), low: number(all.wordOfMouth.low), high: number(all.wordOfMouth.high) })}
      chart={
        <>
          <p class="wom-total" aria-hidden="true"><span class="big">{range(all.wordOfMouth.low, all.wordOfMouth.high)}</span> {t('dashboard.wom.people')}</p>
          {items.length === 0 ? <p class="meta">{t('dashboard.wom.none')}</p> : <Sized>{(width) => <RangeBars width={width} items={items} format={range} />}</Sized>}
          <p class="meta" aria-hidden="true">{t('dashboard.wom.how')}</p>
        </>
      }
      table={
        <table class="data">
          <caption>{t('dashboard.wom.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.table.touchpoint')}</th>
              <th scope="col" class="num">{t('dashboard.wom.detractors')}</th>
              <th scope="col" class="num">{t('dashboard.wom.low')}</th>
              <th scope="col" class="num">{t('dashboard.wom.high')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.label}>
                <th scope="row">{item.label}</th>
                <td class="num">{number(item.detractors)}</td>
                <td class="num">{number(item.low)}</td>
                <td class="num">{number(item.high)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('dashboard.wom.all')}</th>
              <td class="num">{number(all.detractors)}</td>
              <td class="num">{number(all.wordOfMouth.low)}</td>
              <td class="num">{number(all.wordOfMouth.high)}</td>
            </tr>
          </tbody>
        </table>
      }
    />
  );
}

function Trend({ points, metric, days }: { points: Awaited<ReturnType<typeof fetchTrend>>; metric: Metric; days: Period }) {
  const { t, number, locale } = useT();
  const format = useMetricFormat();
  const day = new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric' });
  const span = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const metricName = t(`dashboard.metric.${metric}`);
  const known = points.filter((p) => p[metric] != null);
  const first = known[0], last = known[known.length - 1];
  const summary = known.length < 2 || !first || !last
    ? t('dashboard.trend.summaryFew', { metric: metricName, days })
    : t('dashboard.trend.summary', { metric: metricName, days, first: format(metric, first[metric]), last: format(metric, last[metric]) });
  return (
    <ChartPanel class="wide" testId="trend" title={t('dashboard.trend.title')} summary={summary}
      chart={<Sized>{(width) => <TrendChart width={width} metric={metric} format={(v) => format(metric, v)}
        points={points.map((p) => ({ label: day.format(new Date(p.from)), value: p[metric], volume: p.volume }))} />}</Sized>}
      table={
        <table class="data">
          <caption>{t('dashboard.trend.caption', { metric: metricName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.trend.period')}</th>
              <th scope="col" class="num">{metricName}</th>
              <th scope="col" class="num">{t('dashboard.trend.volume')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.from}>
                <th scope="row">{span.formatRange(new Date(p.from), new Date(new Date(p.to).getTime() - 1))}</th>
                <td class="num">{format(metric, p[metric])}</td>
                <td class="num">{number(p.volume)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function Sla({ report }: { report: MotReport }) {
  const { t, number, plural } = useT();
  const format = useMetricFormat();
  const teams = [...report.rows].filter((row) => row.cases > 0).sort((a, b) => (a.slaCompliance ?? 2) - (b.slaCompliance ?? 2));
  const lowest = teams[0];
  const summary = !lowest ? t('dashboard.sla.none')
    : t('dashboard.sla.summary', { team: lowest.key, value: format('percent', lowest.slaCompliance) });
  return (
    <ChartPanel testId="sla" title={t('dashboard.sla.title')} summary={summary}
      chart={teams.length === 0 ? <p class="meta">{t('dashboard.sla.none')}</p>
        : <Sized>{(width) => <PercentBars width={width} format={(v) => format('percent', v)}
          items={teams.map((row) => ({ label: row.key, value: row.slaCompliance ?? null, note: plural('dashboard.sla.cases', row.cases) }))} />}</Sized>}
      table={
        <table class="data">
          <caption>{t('dashboard.sla.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.sla.team')}</th>
              <th scope="col" class="num">{t('dashboard.sla.compliance')}</th>
              <th scope="col" class="num">{t('dashboard.kpi.cases')}</th>
              <th scope="col" class="num">{t('dashboard.sla.reopen')}</th>
            </tr>
          </thead>
          <tbody>
            {teams.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.key}</th>
                <td class="num">{format('percent', row.slaCompliance)}</td>
                <td class="num">{number(row.cases)}</td>
                <td class="num">{format('percent', row.reopenRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
