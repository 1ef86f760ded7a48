// Paging by cursor: the pages seen so far are remembered, so "Previous" goes back without the server's help
// and "Next" follows the answer's `nextCursor` (none on the last page).
import { useState } from 'preact/hooks';

import { useSharedText } from '../i18n/i18n';

export interface CursorPages {
  /** The cursor to send as `after` for the page shown (undefined: the first page). */
  after: string | undefined;
  page: number;
  next(cursor: string): void;
  previous(): void;
}

export function useCursorPages(): CursorPages {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  return {
    after: cursors[cursors.length - 1],
    page: cursors.length - 1,
    next: (cursor) => setCursors((before) => [...before, cursor]),
    previous: () => setCursors((before) => (before.length > 1 ? before.slice(0, -1) : before)),
  };
}

export function Pager(props: { pages: CursorPages; nextCursor: string | null | undefined; label: string; busy?: boolean }) {
  const text = useSharedText();
  const { pages, nextCursor } = props;
  if (pages.page === 0 && !nextCursor) return null;
  return (
    <nav class="pager" aria-label={props.label}>
      <button type="button" class="button secondary small" disabled={pages.page === 0 || props.busy} onClick={() => pages.previous()}>
        {text('common.pager.previous')}
      </button>
      <span aria-live="polite">{text('common.pager.position', { page: pages.page + 1 })}</span>
      <button type="button" class="button secondary small" disabled={!nextCursor || props.busy} onClick={() => nextCursor && pages.next(nextCursor)}>
        {text('common.pager.next')}
      </button>
    </nav>
  );
}
