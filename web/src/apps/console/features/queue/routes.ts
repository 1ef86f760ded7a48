import { defineRoute, href } from '../../../../shared/router/router';

export const STAFF = ['agent', 'supervisor', 'admin'] as const;

export const queueRoute = defineRoute({
  path: '',
  roles: STAFF,
  page: () => import('./QueuePage'),
  titleKey: 'queue.page.title',
});

export interface QueueFilter {
  scope?: 'mine' | 'team' | 'all';
  team?: string;
  status?: string;
  priority?: string;
  breached?: 'yes' | 'no';
  touchpoint?: string;
}

export const queueLink = (filter: QueueFilter = {}) => href('', { ...filter });
