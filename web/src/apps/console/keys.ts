// Cache keys the features and the live stream share (shared/data/query.ts).
export const keys = {
  /** Every list of cases (the queue with any filter). */
  caseLists: 'cases:',
  caseList: (filter: string) => `cases:${filter}`,
  case: (id: string) => `case:${id}:`,
  caseDetail: (id: string) => `case:${id}:detail`,
  caseHistory: (id: string) => `case:${id}:history`,
  feedback: (id: string) => `feedback:${id}`,
  touchpoints: 'touchpoints',
  touchpointsAll: 'touchpoints:all',
  motReport: (days: number, groupBy: string) => `mot:report:${days}:${groupBy}`,
  motTrend: (days: number) => `mot:trend:${days}`,
  customer360: (id: string) => `customer360:${id}`,
  /** Everything of one customer beyond the 360 (purchases, statement, expiring points, erasure). */
  customer: (id: string) => `customer:${id}:`,
  customerPurchases: (id: string, after = '') => `customer:${id}:purchases:${after}`,
  customerStatement: (id: string, after = '') => `customer:${id}:statement:${after}`,
  customerExpiring: (id: string, days: number) => `customer:${id}:expiring:${days}`,
  customerErasure: (id: string) => `customer:${id}:erasure`,
  customerSearch: (query: string) => `customers:${query}`,
  approvals: 'approvals',
};
