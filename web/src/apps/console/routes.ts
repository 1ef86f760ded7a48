// The console's routes, from its features; the shell matches them in this order.
import type { RouteDefinition } from '../../shared/router/router';
import { approvalsRoute } from './features/approvals/routes';
import { caseRoute } from './features/cases/routes';
import { customerRoute, customerSearchRoute } from './features/customers/routes';
import { dashboardRoute } from './features/dashboard/routes';
import { queueRoute } from './features/queue/routes';

export const routes: readonly RouteDefinition<any>[] = [queueRoute, caseRoute, customerSearchRoute, customerRoute, approvalsRoute, dashboardRoute];
