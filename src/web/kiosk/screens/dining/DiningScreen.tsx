import { useKiosk } from '../../state/kiosk-context';

/** Eat here or take out: two large answers, the same in both modes. */
export function DiningScreen() {
  const { send, t } = useKiosk();
  return (
    <section className="screen dining-screen" aria-labelledby="dining-title">
      <h1 id="dining-title">{t.dining.question}</h1>
      <div className="big-choices">
        <button type="button" className="big-choice" onClick={() => send({ type: 'choose_dining', diningOption: 'dine_in' })}>
          <span className="big-choice-title">{t.dining.dineIn}</span>
        </button>
        <button type="button" className="big-choice" onClick={() => send({ type: 'choose_dining', diningOption: 'takeout' })}>
          <span className="big-choice-title">{t.dining.takeout}</span>
        </button>
      </div>
    </section>
  );
}
