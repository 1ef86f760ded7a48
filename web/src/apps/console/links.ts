// Link builders of every feature, for the others: features link to each other through here, never by
// importing a sibling feature.
export { approvalsLink } from './features/approvals/routes';
export { caseLink } from './features/cases/routes';
export { customerLink, customerSearchLink } from './features/customers/routes';
export { dashboardLink } from './features/dashboard/routes';
export { queueLink } from './features/queue/routes';
