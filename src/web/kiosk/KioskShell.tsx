import { useCallback, useEffect, useRef } from 'react';
import { useA11y } from './a11y/a11y-context';
import { A11yBar, PrivacyCurtain } from './a11y/A11yBar';
import { LowReachNote, lowReachStyle } from './a11y/LowReach';
import { useVoiceGuide } from './a11y/use-voice-guide';
import { CameraOffer } from './camera/CameraOffer';
import { useCamera } from './camera/use-camera';
import { useKioskLink } from './fleet/use-kiosk-link';
import { ClosedScreen } from './hours/ClosedScreen';
import { useOpenNow } from './hours/use-open-now';
import { EasyCartBar } from './easy/EasyCartBar';
import { EasyMoreScreen } from './easy/more/EasyMoreScreen';
import { EasyPickScreen } from './easy/pick/EasyPickScreen';
import { EasyProgress } from './easy/EasyProgress';
import { EasyQuestionScreen } from './easy/question/EasyQuestionScreen';
import { Announcement } from './components/Announcement';
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
import { closedPrompt, screenPrompt } from './speech/prompts';
import { AnnouncerContext, useShellAnnouncer } from './speech/use-announcer';
import { useStaffCall, type StaffCallStatus } from './staff-call/use-staff-call';
import { useKiosk } from './state/kiosk-context';
import { useVoice } from './voice/use-voice';
import { VoicePanel } from './voice/VoicePanel';
import { voiceModelAnnounced } from './voice/voice-model-announcements';
import { reachableShare } from '../../domain/kiosk-body';
import type { KioskState } from '../../domain/kiosk-flow';
import type { Messages } from './i18n/messages.ko';

/** Screens where a customer is in the middle of an order, so leaving them idle earns a warning first. */
const ORDERING_PHASES: ReadonlySet<KioskState['phase']> = new Set(['browse', 'configure', 'review', 'dining', 'payment']);

function staffCallText(t: Messages, status: StaffCallStatus): string | null {
  return { none: null, called: t.header.staffCalled, coming: t.header.staffComing, failed: t.header.staffCallFailed }[status];
}

/** The frame around every screen: header, what the kiosk says, the screen the flow is on, navigation and the idle warning. */
export function KioskShell({ onBetweenCustomers }: { onBetweenCustomers: () => void }) {
  const { state, send, menu, config, language, t } = useKiosk();
  const easy = state.mode === 'easy';
  const a11y = useA11y();
  const { voiceGuide } = a11y;
  // Easy mode speaks each announcement on its own; the voice guide speaks screens and live regions
  // itself (the announcement is one), so under it the announcer only shows.
  const speechOn = easy && !voiceGuide;
  const announcer = useShellAnnouncer(speechOn, voiceGuide);
  const fleet = useKioskLink();
  // The voice model the store runs now (음성 학습 kept one, or it was rolled back): the recognizer loads it.
  useEffect(
    () =>
      fleet.followModels((announcement) => {
        if (announcement.model === 'voice-keywords') voiceModelAnnounced(announcement.version);
      }),
    [fleet],
  );
  // A customer ordering at closing time finishes; the next one sees the closed screen.
  const closed = !useOpenNow() && state.phase === 'welcome';
  const camera = useCamera(fleet, closed, announcer);
  // The closed screen says so, not the welcome screen's invitation to order.
  const prompt = closed ? closedPrompt(t) : screenPrompt(state, menu, t, language, config.counterPayment);
  const replay = useCallback(() => announcer.replay(), [announcer]);
  const staffCall = useStaffCall(state.phase, (status) => announcer.announce(staffCallText(t, status) ?? '', t.speechLang));
  const voice = useVoice({
    onRepeat: replay,
    onCallStaff: () => void staffCall.callStaff(),
    say: (text) => announcer.announce(text, t.speechLang, { alwaysSpeak: true }),
  });
  const root = useRef<HTMLDivElement>(null);
  useVoiceGuide(root, prompt, `${state.phase}|${state.mode}|${state.draft?.itemId ?? ''}|${state.draft?.question ?? ''}|${language}|${closed}`);
  const { secondsLeft, moreTime } = useIdleWarning({
    enabled: ORDERING_PHASES.has(state.phase),
    warnAfterMs: config.idleWarningAfterMs,
    warningMs: config.idleWarningDurationMs,
    onTimeout: () => send({ type: 'reset' }),
  });
  const warning = secondsLeft !== null;

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

  // Each new screen or state is announced (spoken when speech is on); after the idle warning the
  // screen's words come back, so 다시 듣기 never repeats a closed dialog.
  useEffect(() => {
    if (!warning) announcer.announce(prompt, t.speechLang);
  }, [announcer, prompt, t.speechLang, speechOn, warning]);

  return (
    <AnnouncerContext.Provider value={announcer}>
      <div
        ref={root}
        className={`kiosk mode-${state.mode}${a11y.lowReach ? ' low-reach' : ''}${voiceGuide && a11y.curtain ? ' curtained' : ''}`}
        style={a11y.lowReach ? lowReachStyle(config.reach) : undefined}
        data-mode={state.mode}
        data-phase={state.phase}
        data-camera={camera.status}
        data-customer-group={state.customerGroup}
        data-closed={closed}
        data-voice-guide={voiceGuide}
      >
        {a11y.lowReach && reachableShare(config.reach) < 1 && <LowReachNote prompt={prompt} />}
        <div className="kiosk-body">
          <Header onReplay={replay} onCallStaff={() => void staffCall.callStaff()} staffNotice={staffCallText(t, staffCall.status)} cameraNotice={camera.announced} />
          <CameraOffer camera={camera} />
          {easy && <EasyProgress />}
          <Announcement />
          <main className="kiosk-main" data-prompt={prompt}>
            {closed ? <ClosedScreen /> : <Screen />}
          </main>
          {easy && ORDERING_PHASES.has(state.phase) && <EasyCartBar />}
          {ORDERING_PHASES.has(state.phase) && (
            <div className="kiosk-controls">
              <VoicePanel voice={voice} />
              <NavBar />
            </div>
          )}
          {warning && <IdleWarning secondsLeft={secondsLeft} onMoreTime={moreTime} />}
          <A11yBar />
        </div>
        <PrivacyCurtain />
      </div>
    </AnnouncerContext.Provider>
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
