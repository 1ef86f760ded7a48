// The dashboard's figures from the MOT report (GET /api/v1/mot/analytics), without any UI: the heat map of
// touchpoints by journey stage and channel, totals over groups, the trend's periods, the colour bands.
import type { components } from '../../../../shared/api/client';

export type MotReport = components['schemas']['MotReport'];
export type MotRow = components['schemas']['MotReportRow'];
export type Touchpoint = components['schemas']['TouchpointView'];
export type Stage = components['schemas']['JourneyStage'];
export type Channel = components['schemas']['Channel'];

export const STAGES: readonly Stage[] = ['DISCOVER', 'BUY', 'PAY', 'RECEIVE', 'USE', 'GET_HELP'];
export const CHANNELS: readonly Channel[] = ['STORE', 'WEB', 'APP', 'CALL_CENTRE', 'DELIVERY', 'CHAT'];

export type Metric = 'nps' | 'csat' | 'complaintRate';
export const METRICS: readonly Metric[] = ['nps', 'csat', 'complaintRate'];
export const PERIODS = [7, 30, 90, 365] as const;
export type Period = (typeof PERIODS)[number];

/** A group's figures that add up across groups (the report's rates weighted back into counts). */
export interface Totals {
  volume: number;
  npsResponses: number;
  nps: number | null;
  csat: number | null;
  complaintRate: number | null;
  detractors: number;
  cases: number;
  wordOfMouth: { low: number; high: number };
}

/**
 * Sums groups: NPS weighted by its answers (exact), the complaint rate by volume (exact), CSAT by volume (the
 * report does not say how many gave a CSAT, so this is an estimate when groups are summed).
 */
export function total(rows: readonly MotRow[]): Totals {
  let volume = 0, npsResponses = 0, npsSum = 0, csatWeight = 0, csatSum = 0, complaintWeight = 0, complaints = 0;
  let detractors = 0, cases = 0, low = 0, high = 0;
  for (const row of rows) {
    volume += row.volume;
    detractors += row.detractors;
    cases += row.cases;
    low += row.wordOfMouth.low;
    high += row.wordOfMouth.high;
    if (row.nps != null && row.npsResponses > 0) {
      npsResponses += row.npsResponses;
      npsSum += row.nps * row.npsResponses;
    }
    if (row.avgCsat != null) {
      const weight = Math.max(row.volume, 1);
      csatWeight += weight;
      csatSum += row.avgCsat * weight;
    }
    if (row.complaintRate != null && row.volume > 0) {
      complaintWeight += row.volume;
      complaints += row.complaintRate * row.volume;
    }
  }
  return {
    volume,
    npsResponses,
    nps: npsResponses > 0 ? npsSum / npsResponses : null,
    csat: csatWeight > 0 ? csatSum / csatWeight : null,
    complaintRate: complaintWeight > 0 ? complaints / complaintWeight : null,
    detractors,
    cases,
    wordOfMouth: { low, high },
  };
}

export function metricOf(totals: Totals, metric: Metric): number | null {
  return totals[metric];
}

export interface HeatCell {
  stage: Stage;
  channel: Channel;
  /** The touchpoints at this stage and channel (none: the journey has no touchpoint here). */
  touchpoints: Touchpoint[];
  totals: Totals;
}

/** Rows by journey stage, columns by channel; each cell sums its touchpoints' rows of the report. */
export function heatMap(rows: readonly MotRow[], touchpoints: readonly Touchpoint[]): HeatCell[][] {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return STAGES.map((stage) => CHANNELS.map((channel) => {
    const here = touchpoints.filter((tp) => tp.stage === stage && tp.channel === channel);
    const figures = here.map((tp) => byKey.get(tp.code)).filter((row): row is MotRow => row !== undefined);
    return { stage, channel, touchpoints: here, totals: total(figures) };
  }));
}

/** The channels that have a touchpoint, in the usual order (empty columns only take room). */
export function usedChannels(touchpoints: readonly Touchpoint[]): Channel[] {
  const used = new Set(touchpoints.map((tp) => tp.channel));
  return CHANNELS.filter((channel) => used.has(channel));
}

/** How good a value is, from -1 (worst) to 1 (best), per metric. */
export function goodness(metric: Metric, value: number): number {
  const clamp = (x: number) => Math.max(-1, Math.min(1, x));
  if (metric === 'nps') return clamp(value / 100);
  if (metric === 'csat') return clamp((value - 3) / 2);
  return clamp(1 - 4 * value); // complaint rate: none is best, a quarter middling, half or more worst
}

/** Five bands of goodness, each with its colour (ink text reads on all of them) and its word. */
export type Band = 'worst' | 'bad' | 'middle' | 'good' | 'best';
export const BANDS: readonly Band[] = ['worst', 'bad', 'middle', 'good', 'best'];

export function band(metric: Metric, value: number | null): Band | null {
  if (value == null) return null;
  const g = goodness(metric, value);
  if (g < -0.5) return 'worst';
  if (g < -0.1) return 'bad';
  if (g <= 0.1) return 'middle';
  if (g <= 0.5) return 'good';
  return 'best';
}

/** The trend's periods: `count` equal spans from `from` to `to` (the last one ends at `to`). */
export function buckets(fromMs: number, toMs: number, count: number): { from: string; to: string }[] {
  const span = (toMs - fromMs) / count;
  return Array.from({ length: count }, (_, i) => ({
    from: new Date(Math.round(fromMs + i * span)).toISOString(),
    to: new Date(i === count - 1 ? toMs : Math.round(fromMs + (i + 1) * span)).toISOString(),
  }));
}

/** How many points the trend of a period has: days for a week, about weeks beyond. */
export function bucketCount(days: Period): number {
  return days === 7 ? 7 : days === 30 ? 10 : days === 90 ? 13 : 12;
}

/** The period's end: now, to the next whole minute (so that one period is one cache entry for a minute). */
export function periodOf(days: Period, now = Date.now()): { fromMs: number; toMs: number } {
  const toMs = Math.ceil(now / 60_000) * 60_000;
  return { fromMs: toMs - days * 86_400_000, toMs };
}
