import { useState } from 'preact/hooks';

import { useQuery } from '../../../../shared/data/query';
import { Link, navigate, type PageProps } from '../../../../shared/router/router';
import { Field } from '../../../../shared/ui/forms';
import { Empty, ErrorState, Loading } from '../../../../shared/ui/states';
import { useT } from '../../i18n';
import { keys } from '../../keys';
import { customerLink } from '../../links';
import { searchCustomers } from './customerApi';
import { PurposeGate } from './PurposeGate';
import { customerSearchLink, type SearchBy } from './routes';

const SEARCH_BY: SearchBy[] = ['namePrefix', 'memberCode', 'email', 'phone'];

export default function CustomerSearchPage({ query }: PageProps<'customers'>) {
  const { t } = useT();
  return (
    <div class="page customers">
      <h1>{t('customer.search.title')}</h1>
      <PurposeGate>
        <Search query={query} />
      </PurposeGate>
    </div>
  );
}

function Search({ query }: { query: URLSearchParams }) {
  const { t } = useT();
  const by = (SEARCH_BY as string[]).includes(query.get('by') ?? '') ? (query.get('by') as SearchBy) : 'namePrefix';
  const q = query.get('q') ?? '';
  const [draftBy, setDraftBy] = useState<SearchBy>(by);
  const [text, setText] = useState(q);
  const results = useQuery(q ? keys.customerSearch(`${by}=${q}`) : null, () => searchCustomers(by, q));

  return (
    <>
      <form class="panel search" role="search" onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) navigate(customerSearchLink(draftBy, text.trim()));
      }}>
        <div class="row">
          <Field label={t('customer.search.by')}>
            {(control) => (
              <select {...control} value={draftBy} onChange={(e) => setDraftBy(e.currentTarget.value as SearchBy)}>
                {SEARCH_BY.map((value) => <option key={value} value={value}>{t(`customer.search.by.${value}`)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('customer.search.text')} class="grow">
            {(control) => <input {...control} type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} />}
          </Field>
        </div>
        <button type="submit" class="button">{t('customer.search.submit')}</button>
      </form>
      {q && results.status === 'loading' && <Loading />}
      {results.status === 'error' && <ErrorState error={results.error} onRetry={() => void results.refetch()} />}
      {results.data && ((results.data.items ?? []).length === 0 ? <Empty>{t('customer.search.none')}</Empty> : (
        <ul class="results" aria-label={t('customer.search.results')}>
          {(results.data.items ?? []).map((customer) => (
            <li key={customer.id}>
              <Link href={customerLink(customer.id)}>{customer.name ?? customer.memberCode}</Link>
              <span class="meta"> · {customer.memberCode} · {customer.email ?? '—'} · {customer.phone ?? '—'}</span>
            </li>
          ))}
        </ul>
      ))}
    </>
  );
}
