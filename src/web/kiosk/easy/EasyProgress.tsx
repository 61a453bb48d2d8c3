import { EASY_STEP_COUNT, easyStepOf } from '../../../domain/kiosk-flow';
import { useKiosk } from '../state/kiosk-context';

/** "4단계 중 2단계 · 2단계 남았어요", with the steps drawn so the end is always in sight. */
export function EasyProgress() {
  const { state, t } = useKiosk();
  const step = easyStepOf(state.phase);
  if (step === null) return null;
  return (
    <div className="easy-progress">
      <p className="easy-progress-text">
        <strong>{t.easy.progress(step, EASY_STEP_COUNT)}</strong> · {t.easy.remaining(EASY_STEP_COUNT - step)}
      </p>
      <ol className="easy-steps" aria-hidden="true">
        {t.easy.steps.map((name, index) => (
          <li key={name} className={index + 1 === step ? 'is-current' : index + 1 < step ? 'is-done' : ''} />
        ))}
      </ol>
    </div>
  );
}
