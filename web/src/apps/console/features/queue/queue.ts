// The queue's order and filters, kept apart from the screen so they read (and can be tested) as rules.
import type { components } from '../../../../shared/api/client';
import type { QueueFilter } from './routes';

export type CaseSummary = components['schemas']['CaseSummary'];

const PRIORITY_RANK: Record<CaseSummary['priority'], number> = { P1: 0, P2: 1, P3: 2 };

/**
 * Most at risk first: cases that already missed a target, then the further escalated, then by priority,
 * then the longest waiting (its SLA clock is the furthest gone).
 */
export function bySlaRisk(a: CaseSummary, b: CaseSummary): number {
  return Number(b.breached) - Number(a.breached)
    || b.escalationLevel - a.escalationLevel
    || PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority]
    || Date.parse(a.openedAt) - Date.parse(b.openedAt);
}

/** The filters the list call cannot apply (priority, breached, touchpoint). */
export function matches(item: CaseSummary, filter: QueueFilter): boolean {
  return (!filter.priority || item.priority === filter.priority)
    && (!filter.breached || item.breached === (filter.breached === 'yes'))
    && (!filter.touchpoint || item.touchpointCode === filter.touchpoint);
}

export function filterFromQuery(query: URLSearchParams): QueueFilter {
  const pick = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const value = query.get(name);
    return value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
  };
  const text = (name: string) => query.get(name) || undefined;
  const filter: QueueFilter = {};
  const scope = pick('scope', ['mine', 'team', 'all'] as const);
  if (scope) filter.scope = scope;
  const team = text('team');
  if (team) filter.team = team;
  const status = pick('status', ['NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER'] as const);
  if (status) filter.status = status;
  const priority = pick('priority', ['P1', 'P2', 'P3'] as const);
  if (priority) filter.priority = priority;
  const breached = pick('breached', ['yes', 'no'] as const);
  if (breached) filter.breached = breached;
  const touchpoint = text('touchpoint');
  if (touchpoint) filter.touchpoint = touchpoint;
  return filter;
}
