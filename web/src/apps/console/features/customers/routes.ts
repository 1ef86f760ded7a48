import { defineRoute, href } from '../../../../shared/router/router';

const STAFF = ['agent', 'supervisor', 'admin'];

export const customerSearchRoute = defineRoute({
  path: 'customers',
  roles: STAFF,
  page: () => import('./CustomerSearchPage'),
  titleKey: 'customer.search.title',
});

export const customerRoute = defineRoute({
  path: 'customers/:id',
  roles: STAFF,
  page: () => import('./Customer360Page'),
  titleKey: 'customer.view.title',
});

export type SearchBy = 'namePrefix' | 'memberCode' | 'email' | 'phone';

export const customerSearchLink = (by?: SearchBy, q?: string) => href('customers', { by, q });
export const customerLink = (id: string) => href(`customers/${encodeURIComponent(id)}`);
