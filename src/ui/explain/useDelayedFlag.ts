import { useEffect, useState } from 'react';

/**
 * `flag`, but only once it has stayed true for `delay` ms: an answer that comes quickly never
 * flashes a "working" line.
 */
export function useDelayedFlag(flag: boolean, delay = 100): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!flag) return undefined;
    const timer = setTimeout(() => setShown(true), delay);
    return () => {
      clearTimeout(timer);
      setShown(false);
    };
  }, [flag, delay]);
  return flag && shown;
}
