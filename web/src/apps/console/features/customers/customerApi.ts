import { ProblemError, unwrap, type components } from '../../../../shared/api/client';
import { purposeHeader } from '../../../../shared/api/purpose';
import { api } from '../../services';
import type { SearchBy } from './routes';

export type Customer360 = components['schemas']['Customer360'];
export type Section = components['schemas']['Section'];
export type CustomerView = components['schemas']['CustomerView'];
export type Balance = components['schemas']['Balance'];
export type OpenCase = components['schemas']['CustomerOpenCase'];
export type RecentFeedback = components['schemas']['CustomerRecentFeedback'];
export type Nps = components['schemas']['CustomerNps'];

export async function searchCustomers(by: SearchBy, text: string) {
  return unwrap(await api().GET('/api/v1/customers', {
    params: { query: { [by]: text, size: 20 }, header: purposeHeader() },
  }));
}

export async function fetch360(id: string): Promise<Customer360> {
  return unwrap(await api().GET('/api/v1/customers/{customerId}/360', {
    params: { path: { customerId: id }, header: purposeHeader() },
  }));
}

/**
 * A section's data as the schema its service answers with (the 360 carries them as any JSON). The gateway
 * copies each service's answer; the section says `unavailable` when that service did not answer.
 */
export function sectionData<T>(section: Section): T | undefined {
  return section.status === 'available' && section.data != null ? (section.data as T) : undefined;
}

export type Purchase = components['schemas']['PurchaseView'];
export type StatementLine = components['schemas']['StatementLine'];
export type ExpiringPoints = components['schemas']['ExpiringPoints'];
export type Erasure = components['schemas']['ErasureView'];

/** A page of purchases, newest first: `after` is the previous page's `nextCursor`. */
export async function fetchPurchases(id: string, after: string | undefined, limit: number) {
  return unwrap(await api().GET('/api/v1/customers/{customerId}/purchases', {
    params: { path: { customerId: id }, query: { limit, ...(after ? { after } : {}) }, header: purposeHeader() },
  }));
}

/** A page of the points statement, newest first, by cursor (stable while new lines are booked). */
export async function fetchStatement(id: string, after: string | undefined, limit: number) {
  return unwrap(await api().GET('/api/v1/loyalty/customers/{customerId}/statement', {
    params: { path: { customerId: id }, query: { limit, ...(after ? { after } : {}) }, header: purposeHeader() },
  }));
}

export async function fetchExpiring(id: string, withinDays: number) {
  return unwrap(await api().GET('/api/v1/loyalty/customers/{customerId}/expiring-points', {
    params: { path: { customerId: id }, query: { withinDays }, header: purposeHeader() },
  }));
}

/** Everything every service holds on the customer (503 `export-incomplete` when a service cannot give its part). */
export async function fetchExport(id: string) {
  return unwrap(await api().GET('/api/v1/customers/{customerId}/export', {
    params: { path: { customerId: id }, header: purposeHeader() },
  }));
}

/** The customer's erasure and its progress per service, or null when the customer has not been erased. */
export async function fetchErasure(id: string): Promise<Erasure | null> {
  try {
    return unwrap(await api().GET('/api/v1/customers/{customerId}/erasure', { params: { path: { customerId: id } } }));
  } catch (error) {
    if (error instanceof ProblemError && error.code === 'erasure-not-found') return null;
    throw error;
  }
}

export async function eraseCustomer(id: string, idempotencyKey: string): Promise<Erasure> {
  return unwrap(await api().POST('/api/v1/customers/{customerId}/erasure', {
    params: { path: { customerId: id }, header: { 'Idempotency-Key': idempotencyKey } },
  }));
}
