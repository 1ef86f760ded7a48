import { defineRoute, href } from '../../../../shared/router/router';
import type { Metric, Period } from './model';

export const dashboardRoute = defineRoute({
  path: 'dashboard',
  roles: ['agent', 'supervisor', 'admin'],
  page: () => import('./DashboardPage'),
  titleKey: 'dashboard.page.title',
});

export const dashboardLink = (view: { days?: Period; metric?: Metric } = {}) =>
  href('dashboard', { days: view.days ? String(view.days) : undefined, metric: view.metric });
