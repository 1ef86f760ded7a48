import { useEffect, useState } from 'preact/hooks';

/** The current time, updated every `everyMs` (for countdowns and "5 minutes ago"). */
export function useNow(everyMs = 1_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
