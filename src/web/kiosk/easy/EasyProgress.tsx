import { EASY_STEP_COUNT, easyStepOf, questionCount } from '../../../domain/kiosk-flow';
import { useKiosk } from '../state/kiosk-context';

/**
 * "4단계 중 2단계 · 2단계 남았어요", with the steps drawn so the end is always in sight. While a dish
 * is being chosen its questions are counted too ("질문 3개 중 2번째"), so step 1 never hides screens.
 */
export function EasyProgress() {
  const { state, menu, t } = useKiosk();
  const step = easyStepOf(state.phase);
  if (step === null) return null;
  const draft = state.phase === 'configure' ? state.draft : null;
  return (
    <div className="easy-progress">
      <p className="easy-progress-text">
        <strong>{t.easy.progress(step, EASY_STEP_COUNT)}</strong> · {t.easy.remaining(EASY_STEP_COUNT - step)}
        {draft && <span className="easy-question-count"> · {t.easy.question(draft.question + 1, questionCount(menu, draft.itemId))}</span>}
      </p>
      <ol className="easy-steps" aria-hidden="true">
        {t.easy.steps.map((name, index) => (
          <li key={name} className={index + 1 === step ? 'is-current' : index + 1 < step ? 'is-done' : ''} />
        ))}
      </ol>
    </div>
  );
}
