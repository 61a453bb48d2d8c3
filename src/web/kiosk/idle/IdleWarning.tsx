import { useEffect, useRef } from 'react';
import { useAnnouncer } from '../speech/use-announcer';
import { useKiosk } from '../state/kiosk-context';

/** The visible and spoken half of the idle warning; `useIdleWarning` keeps the time. */
export function IdleWarning({ secondsLeft, onMoreTime }: { secondsLeft: number; onMoreTime: () => void }) {
  const { t } = useKiosk();
  const announcer = useAnnouncer();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
    // Heard in every mode: the customer may have turned away from the screen.
    announcer.announce(t.idle.prompt, t.speechLang, { alwaysSpeak: true });
  }, [announcer, t]);
  return (
    <dialog ref={dialog} className="idle-dialog" aria-labelledby="idle-title" aria-describedby="idle-body" onCancel={onMoreTime}>
      <h2 id="idle-title">{t.idle.title}</h2>
      <p id="idle-body" className="idle-countdown">
        {t.idle.body(secondsLeft)}
      </p>
      <button type="button" className="action primary wide" onClick={onMoreTime}>
        {t.idle.moreTime}
      </button>
    </dialog>
  );
}
