import { unwrap } from '../../../../shared/api/client';
import { api } from '../../services';
import { buckets, bucketCount, periodOf, total, type MotReport, type Period, type Totals } from './model';

type GroupBy = 'touchpoint' | 'channel' | 'stage' | 'team';

export async function fetchReport(days: Period, groupBy: GroupBy): Promise<MotReport> {
  const { fromMs, toMs } = periodOf(days);
  return unwrap(await api().GET('/api/v1/mot/analytics', {
    params: { query: { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), groupBy } },
  }));
}

export interface TrendPoint extends Totals {
  from: string;
  to: string;
}

/**
 * The period's trend: one report per span (the report has no time series), a few at a time, each summed over
 * its journey stages (a handful of rows).
 */
export async function fetchTrend(days: Period): Promise<TrendPoint[]> {
  const { fromMs, toMs } = periodOf(days);
  const spans = buckets(fromMs, toMs, bucketCount(days));
  const points: TrendPoint[] = new Array(spans.length);
  let next = 0;
  const worker = async () => {
    while (next < spans.length) {
      const i = next++;
      const span = spans[i]!;
      const report = unwrap(await api().GET('/api/v1/mot/analytics', {
        params: { query: { from: span.from, to: span.to, groupBy: 'stage' } },
      }));
      points[i] = { ...span, ...total(report.rows) };
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return points;
}

export async function fetchTouchpoints() {
  return unwrap(await api().GET('/api/v1/touchpoints'));
}
