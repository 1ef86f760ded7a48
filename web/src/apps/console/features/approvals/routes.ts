import { defineRoute, href } from '../../../../shared/router/router';

export const approvalsRoute = defineRoute({
  path: 'approvals',
  roles: ['supervisor', 'admin'],
  page: () => import('./ApprovalsPage'),
  titleKey: 'approvals.page.title',
});

export const approvalsLink = () => href('approvals');
