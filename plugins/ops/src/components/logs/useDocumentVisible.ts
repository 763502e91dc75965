import { useEffect, useState } from 'react';

function isVisible(): boolean {
  return typeof document === 'undefined' || !document.hidden;
}

/** Whether the browser tab is visible; follows `visibilitychange`. */
export function useDocumentVisible(): boolean {
  const [visible, setVisible] = useState(isVisible);
  useEffect(() => {
    const update = () => setVisible(isVisible());
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}
