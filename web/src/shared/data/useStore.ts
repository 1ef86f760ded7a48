import { useEffect, useState } from 'preact/hooks';

import type { Store } from './store';

/** The store's current value; the component renders again when it changes. */
export function useStore<T>(source: Store<T>): T {
  const [value, setValue] = useState(source.get);
  useEffect(() => {
    setValue(() => source.get());
    return source.subscribe((next) => setValue(() => next));
  }, [source]);
  return value;
}
