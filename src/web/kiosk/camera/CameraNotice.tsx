import { useEffect, useRef, useState } from 'react';
import { useKiosk } from '../state/kiosk-context';

/** While the camera is on: one short line, and 자세히 for the full notice of what is kept and how long. */
export function CameraNotice() {
  const { config, t } = useKiosk();
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
  }, [open]);
  return (
    <div className="camera-notice">
      <p className="camera-notice-line">{t.camera.noticeShort(config.collection)}</p>
      <button type="button" className="action camera-notice-more" onClick={() => setOpen(true)}>
        {t.camera.noticeMore}
      </button>
      {open && (
        <dialog ref={dialog} className="confirm-dialog camera-notice-full" aria-labelledby="camera-notice-title" onCancel={() => setOpen(false)}>
          <h2 id="camera-notice-title">{t.camera.noticeTitle}</h2>
          <p>{t.camera.notice(config.collection, config.retentionDays)}</p>
          <button type="button" className="action primary" onClick={() => setOpen(false)}>
            {t.camera.noticeClose}
          </button>
        </dialog>
      )}
    </div>
  );
}
