import { unwrap, type components } from '../../../../shared/api/client';
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
