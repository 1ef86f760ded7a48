// The case screen's calls. Writes carry a fresh Idempotency-Key per user action (kept by the form while
// that action is retried), reads go through the cache.
import { newIdempotencyKey, unwrap, type components } from '../../../../shared/api/client';
import { purposeIfGiven } from '../../../../shared/api/purpose';
import { invalidate, setQueryData } from '../../../../shared/data/query';
import { keys } from '../../keys';
import { api } from '../../services';

export type StaffCase = components['schemas']['StaffCase'];
export type CaseAction = components['schemas']['CaseAction'];
export type CaseStatus = components['schemas']['CaseStatus'];
export type ActionKind = components['schemas']['ActionKind'];

// Staff reads of a case carry the session's access purpose when one was given; without it the server records
// them as case work.
export async function fetchCase(id: string): Promise<StaffCase> {
  const view = unwrap(await api().GET('/api/v1/cases/{id}', { params: { path: { id }, header: purposeIfGiven() } }));
  if (!('sla' in view)) throw new Error('Not a staff view of the case');
  return view;
}

export async function fetchHistory(id: string) {
  return unwrap(await api().GET('/api/v1/cases/{id}/history', { params: { path: { id }, header: purposeIfGiven() } }));
}

export async function fetchFeedback(id: string) {
  return unwrap(await api().GET('/api/v1/feedback/{id}', { params: { path: { id }, header: purposeIfGiven() } }));
}

/** The moves the case's state machine allows from a state (the server enforces the same). */
export function nextStatuses(status: CaseStatus): CaseStatus[] {
  switch (status) {
    case 'NEW': return ['ACKNOWLEDGED'];
    case 'ACKNOWLEDGED': return ['IN_PROGRESS'];
    case 'IN_PROGRESS': return ['WAITING_ON_CUSTOMER', 'RESOLVED'];
    case 'WAITING_ON_CUSTOMER': return ['IN_PROGRESS', 'RESOLVED'];
    case 'RESOLVED': return ['CLOSED', 'IN_PROGRESS'];
    case 'CLOSED': return ['IN_PROGRESS'];
  }
}

/** Applied at once (201) or waiting for a supervisor (202): the answer's `status` says which. */
export async function act(caseId: string, body: components['schemas']['CaseActionRequest'], idempotencyKey: string): Promise<CaseAction> {
  const action = unwrap(await api().POST('/api/v1/cases/{id}/actions', {
    params: { path: { id: caseId }, header: { 'Idempotency-Key': idempotencyKey } },
    body,
  }));
  invalidate(keys.case(caseId));
  return action;
}

export async function changeStatus(caseId: string, body: components['schemas']['CaseStatusChange']): Promise<StaffCase> {
  const updated = unwrap(await api().POST('/api/v1/cases/{id}/status', { params: { path: { id: caseId } }, body }));
  setQueryData<StaffCase>(keys.caseDetail(caseId), () => updated);
  invalidate(keys.caseHistory(caseId));
  invalidate(keys.caseLists);
  return updated;
}

export async function addNote(caseId: string, body: components['schemas']['CaseNoteRequest'], idempotencyKey: string) {
  const note = unwrap(await api().POST('/api/v1/cases/{id}/notes', {
    params: { path: { id: caseId }, header: { 'Idempotency-Key': idempotencyKey } },
    body,
  }));
  invalidate(keys.case(caseId));
  return note;
}

export async function assign(caseId: string, owner: string): Promise<StaffCase> {
  const updated = unwrap(await api().PUT('/api/v1/cases/{id}/owner', { params: { path: { id: caseId } }, body: { owner } }));
  setQueryData<StaffCase>(keys.caseDetail(caseId), () => updated);
  invalidate(keys.caseHistory(caseId));
  invalidate(keys.caseLists);
  return updated;
}

export { newIdempotencyKey };
