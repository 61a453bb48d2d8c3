import { useEffect, useRef } from 'react';
import { useKiosk } from '../state/kiosk-context';
import type { useCamera } from './use-camera';

type Camera = ReturnType<typeof useCamera>;

/** What the camera's decision shows: a one-tap way back after an automatic switch, or the question first. */
export function CameraOffer({ camera }: { camera: Camera }) {
  const { t } = useKiosk();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (camera.offer === 'suggest' && !dialog.current?.open) dialog.current?.showModal();
  }, [camera.offer]);

  if (camera.offer === 'switched') {
    return (
      <div className="camera-offer" role="status">
        <p>{t.camera.switched}</p>
        <button type="button" className="action camera-undo" onClick={camera.undo}>
          {t.camera.undo}
        </button>
      </div>
    );
  }
  if (camera.offer === 'suggest') {
    return (
      <dialog ref={dialog} className="confirm-dialog camera-suggest" aria-labelledby="camera-suggest-title" onCancel={camera.dismiss}>
        <p id="camera-suggest-title">{t.camera.suggest}</p>
        <div className="dialog-actions">
          <button type="button" className="action" onClick={camera.dismiss}>
            {t.camera.suggestNo}
          </button>
          <button type="button" className="action primary" onClick={camera.accept}>
            {t.camera.suggestYes}
          </button>
        </div>
      </dialog>
    );
  }
  return null;
}
