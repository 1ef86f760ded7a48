import { defineRoute, href } from '../../../../shared/router/router';

export const caseRoute = defineRoute({
  path: 'cases/:id',
  roles: ['agent', 'supervisor', 'admin'],
  page: () => import('./CasePage'),
  titleKey: 'case.page.title',
});

export const caseLink = (id: string) => href(`cases/${encodeURIComponent(id)}`);
