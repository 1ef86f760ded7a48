// Staff say why they look at customers' data once per session (X-Access-Purpose, kept in memory); the
// customer can later see who looked and why.
import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';

import { accessPurpose, headerSafePurpose } from '../../../../shared/api/purpose';
import { useStore } from '../../../../shared/data/useStore';
import { Field } from '../../../../shared/ui/forms';
import { useT } from '../../i18n';

export function PurposeGate(props: { children: ComponentChildren; heading?: JSX.Element }) {
  const { t } = useT();
  const purpose = useStore(accessPurpose);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  if (purpose) return <>{props.children}</>;
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const value = headerSafePurpose(text);
    if (!value) {
      setError(t(value === null ? 'customer.purpose.latinOnly' : 'customer.purpose.required'));
      return;
    }
    accessPurpose.set(value.slice(0, 200));
  };
  return (
    <>
    {props.heading}
    <form class="panel purpose" onSubmit={onSubmit} noValidate>
      <h2>{t('customer.purpose.title')}</h2>
      <p>{t('customer.purpose.why')}</p>
      <Field label={t('customer.purpose.label')} hint={t('customer.purpose.hint')} errors={error ? [error] : undefined} required>
        {(control) => <input {...control} type="text" maxLength={200} value={text} onInput={(e) => setText(e.currentTarget.value)} />}
      </Field>
      <button type="submit" class="button">{t('customer.purpose.continue')}</button>
    </form>
    </>
  );
}
