import { useEffect, useState } from 'preact/hooks';
import { onBusyChange } from '../api/client';

/** Shown only when a call takes longer than a moment, so fast calls do not flicker. */
const SHOW_AFTER_MILLIS = 300;

export function BusyIndicator() {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    let timer: number | undefined;
    const unsubscribe = onBusyChange((callsInFlight) => {
      window.clearTimeout(timer);
      if (callsInFlight > 0) {
        timer = window.setTimeout(() => setVisible(true), SHOW_AFTER_MILLIS);
      } else {
        setVisible(false);
      }
    });
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, []);
  return (
    <div class="busy" role="status" aria-live="polite">
      {visible && (
        <>
          <span class="spinner" aria-hidden="true" /> Working…
        </>
      )}
    </div>
  );
}
