import { useKiosk } from '../../state/kiosk-context';

/** The landing screen: the last customer's order is gone; choose how to order. */
export function WelcomeScreen() {
  const { send, t } = useKiosk();
  return (
    <section className="screen welcome-screen" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t.welcome.title}</h1>
      <p className="screen-lead">{t.welcome.subtitle}</p>
      <div className="welcome-choices">
        <button type="button" className="big-choice primary" onClick={() => send({ type: 'start', mode: 'standard' })}>
          <span className="big-choice-title">{t.welcome.standard}</span>
          <span className="big-choice-hint">{t.welcome.standardHint}</span>
        </button>
        <button type="button" className="big-choice easy-start" onClick={() => send({ type: 'start', mode: 'easy' })}>
          <span className="big-choice-title">{t.welcome.easy}</span>
          <span className="big-choice-hint">{t.welcome.easyHint}</span>
        </button>
      </div>
    </section>
  );
}
