import { useCallback, useEffect, useRef } from 'react';
import { CameraOffer } from './camera/CameraOffer';
import { useCamera } from './camera/use-camera';
import { useKioskLink } from './fleet/use-kiosk-link';
import { ClosedScreen } from './hours/ClosedScreen';
import { useOpenNow } from './hours/use-open-now';
import { EasyMoreScreen } from './easy/more/EasyMoreScreen';
import { EasyPickScreen } from './easy/pick/EasyPickScreen';
import { EasyProgress } from './easy/EasyProgress';
import { EasyQuestionScreen } from './easy/question/EasyQuestionScreen';
import { Header } from './components/Header';
import { NavBar } from './components/NavBar';
import { IdleWarning } from './idle/IdleWarning';
import { useIdleWarning } from './idle/use-idle-warning';
import { CartScreen } from './screens/cart/CartScreen';
import { DiningScreen } from './screens/dining/DiningScreen';
import { DoneScreen } from './screens/done/DoneScreen';
import { ItemScreen } from './screens/item/ItemScreen';
import { MenuScreen } from './screens/menu/MenuScreen';
import { PaymentScreen } from './screens/payment/PaymentScreen';
import { WelcomeScreen } from './screens/welcome/WelcomeScreen';
import { screenPrompt } from './speech/prompts';
import { speak, stopSpeaking } from '../shared/speech';
import { useKiosk } from './state/kiosk-context';
import { useVoice } from './voice/use-voice';
import { VoicePanel } from './voice/VoicePanel';
import type { KioskState } from '../../domain/kiosk-flow';

/** Screens where a customer is in the middle of an order, so leaving them idle earns a warning first. */
const ORDERING_PHASES: ReadonlySet<KioskState['phase']> = new Set(['browse', 'configure', 'review', 'dining', 'payment']);

/** The frame around every screen: header, the screen the flow is on, navigation and the idle warning. */
export function KioskShell({ onBetweenCustomers }: { onBetweenCustomers: () => void }) {
  const { state, send, menu, config, language, t } = useKiosk();
  const easy = state.mode === 'easy';
  const fleet = useKioskLink();
  // A customer ordering at closing time finishes; the next one sees the closed screen.
  const closed = !useOpenNow() && state.phase === 'welcome';
  const camera = useCamera(fleet, closed);
  const prompt = screenPrompt(state, menu, t, language, config.counterPayment);
  const replay = useCallback(() => speak(prompt, t.speechLang), [prompt, t.speechLang]);
  const voice = useVoice(replay);
  const { secondsLeft, moreTime } = useIdleWarning({
    enabled: ORDERING_PHASES.has(state.phase),
    warnAfterMs: config.idleWarningAfterMs,
    warningMs: config.idleWarningDurationMs,
    onTimeout: () => send({ type: 'reset' }),
  });

  const seenWelcome = useRef(false);
  useEffect(() => {
    if (state.phase !== 'welcome') return;
    // The first welcome screen already has a fresh menu; every later one fetches it again, and an
    // idle kiosk looks again every minute (a dish sold out, new opening hours).
    if (seenWelcome.current) onBetweenCustomers();
    seenWelcome.current = true;
    const timer = setInterval(onBetweenCustomers, 60_000);
    return () => clearInterval(timer);
  }, [state.phase, onBetweenCustomers]);

  // Easy mode speaks each new question; standard mode speaks when asked (다시 듣기).
  useEffect(() => {
    if (easy) speak(prompt, t.speechLang);
    else stopSpeaking();
  }, [easy, prompt, t.speechLang]);

  return (
    <div
      className={`kiosk mode-${state.mode}`}
      data-mode={state.mode}
      data-phase={state.phase}
      data-camera={camera.status}
      data-customer-group={state.customerGroup}
      data-closed={closed}
    >
      <Header onReplay={replay} cameraNotice={camera.announced} />
      <CameraOffer camera={camera} />
      {easy && <EasyProgress />}
      <main className="kiosk-main" data-prompt={prompt}>
        {closed ? <ClosedScreen /> : <Screen />}
      </main>
      {ORDERING_PHASES.has(state.phase) && <VoicePanel voice={voice} />}
      {ORDERING_PHASES.has(state.phase) && <NavBar />}
      {secondsLeft !== null && <IdleWarning secondsLeft={secondsLeft} onMoreTime={moreTime} />}
    </div>
  );
}

function Screen() {
  const { state } = useKiosk();
  const easy = state.mode === 'easy';
  switch (state.phase) {
    case 'welcome':
      return <WelcomeScreen />;
    case 'browse':
      return easy ? <EasyPickScreen /> : <MenuScreen />;
    case 'configure':
      return easy ? <EasyQuestionScreen /> : <ItemScreen />;
    case 'review':
      return easy ? <EasyMoreScreen /> : <CartScreen />;
    case 'dining':
      return <DiningScreen />;
    case 'payment':
      return <PaymentScreen />;
    case 'done':
      return <DoneScreen />;
  }
}
