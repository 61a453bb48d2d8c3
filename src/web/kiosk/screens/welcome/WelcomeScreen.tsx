import { useKiosk } from '../../state/kiosk-context';

/**
 * The landing screen: the last customer's order is gone; choose how to order. When the kiosk is
 * already in easy mode (the camera or the customer chose it), easy ordering comes first.
 */
export function WelcomeScreen() {
  const { state, send, t } = useKiosk();
  const easyFirst = state.mode === 'easy';
  const standard = (
    <button key="standard" type="button" className={`big-choice standard-start ${easyFirst ? '' : 'primary'}`} onClick={() => send({ type: 'start', mode: 'standard' })}>
      <span className="big-choice-title">{t.welcome.standard}</span>
      <span className="big-choice-hint">{t.welcome.standardHint}</span>
    </button>
  );
  const easy = (
    <button key="easy" type="button" className={`big-choice easy-start ${easyFirst ? 'primary' : ''}`} onClick={() => send({ type: 'start', mode: 'easy' })}>
      <span className="big-choice-title">{t.welcome.easy}</span>
      <span className="big-choice-hint">{t.welcome.easyHint}</span>
    </button>
  );
  return (
    <section className="screen welcome-screen" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t.welcome.title}</h1>
      <p className="screen-lead">{t.welcome.subtitle}</p>
      <div className="welcome-choices">{easyFirst ? [easy, standard] : [standard, easy]}</div>
    </section>
  );
}
