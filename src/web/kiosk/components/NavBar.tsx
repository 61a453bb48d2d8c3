import { useEffect, useRef, useState } from 'react';
import { useKiosk } from '../state/kiosk-context';

/**
 * Back one step and start over, reachable from every ordering screen (easy mode's dish list too:
 * back to the order so far). Starting over asks first if it would lose an order.
 */
export function NavBar() {
  const { state, send, t } = useKiosk();
  const [confirming, setConfirming] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (confirming && !dialog.current?.open) dialog.current?.showModal();
  }, [confirming]);

  const home = () => (state.cart.length > 0 ? setConfirming(true) : send({ type: 'reset' }));
  return (
    <nav className="nav-bar" aria-label={t.nav.home}>
      {(state.phase !== 'browse' || state.mode === 'easy') && (
        <button type="button" className="action nav-back" onClick={() => send({ type: 'back' })}>
          ← {t.nav.back}
        </button>
      )}
      <button type="button" className="action nav-home" onClick={home}>
        {t.nav.home}
      </button>
      {confirming && (
        <dialog ref={dialog} className="confirm-dialog" aria-labelledby="home-confirm-text" onCancel={() => setConfirming(false)}>
          <p id="home-confirm-text">{t.nav.homeConfirm}</p>
          <div className="dialog-actions">
            <button type="button" className="action" onClick={() => setConfirming(false)}>
              {t.nav.no}
            </button>
            <button type="button" className="action primary" onClick={() => send({ type: 'reset' })}>
              {t.nav.yes}
            </button>
          </div>
        </dialog>
      )}
    </nav>
  );
}
