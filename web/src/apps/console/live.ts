// The MOT event stream, open while a signed-in staff member uses the console: case events refresh the
// cached lists and the case they name, so every screen showing them updates without a reload.
import type { components } from '../../shared/api/client';
import { store } from '../../shared/data/store';
import { invalidate } from '../../shared/data/query';
import { openEventStream, type StreamState } from '../../shared/data/eventStream';
import { keys } from './keys';
import { api } from './services';

type CaseChanged = components['schemas']['CaseChangedEvent'];

export const liveState = store<StreamState>('closed');
/** Cases that opened while this page was open (to mark them as new in the queue). */
export const arrivedCases = store<ReadonlySet<string>>(new Set());

let close: (() => void) | undefined;

export function startLive(): void {
  if (close) return;
  close = openEventStream({
    connect: async (lastEventId, signal) => {
      const { response } = await api().GET('/api/v1/mot/stream', {
        params: { header: lastEventId ? { 'Last-Event-ID': lastEventId } : {} },
        parseAs: 'stream',
        signal,
      });
      return response;
    },
    onState: (state) => {
      liveState.set(state);
      // Connected (or back): what changed before the stream could tell is fetched once.
      if (state === 'open') invalidate(keys.caseLists);
    },
    onEvent: (event) => {
      if (!event.event.startsWith('CASE_') && event.event !== 'SLA_BREACHED') return;
      let caseId: string | undefined;
      try {
        caseId = (JSON.parse(event.data) as Partial<CaseChanged>).caseId;
      } catch {
        return;
      }
      if (event.event === 'CASE_OPENED' && caseId) arrivedCases.set(new Set([...arrivedCases.get(), caseId]));
      invalidate(keys.caseLists);
      if (caseId) invalidate(keys.case(caseId));
    },
  });
}

export function stopLive(): void {
  close?.();
  close = undefined;
}
