import { useEffect, useRef } from 'react';
import { speak } from '../../shared/speech';
import { useKiosk } from '../state/kiosk-context';

/** The visible and spoken half of the idle warning; `useIdleWarning` keeps the time. */
export function IdleWarning({ secondsLeft, onMoreTime }: { secondsLeft: number; onMoreTime: () => void }) {
  const { t } = useKiosk();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
    speak(t.idle.prompt, t.speechLang);
  }, [t]);
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
