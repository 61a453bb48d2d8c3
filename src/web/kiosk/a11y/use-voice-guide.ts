/**
 * The voice guide (음성 안내 모드) for blind customers: the keypad's keys (keypad-map.ts) walk the
 * screen's controls one at a time, and everything is spoken: each control as focus reaches it,
 * each new screen or dialog with its number of choices, the answer to each choice, and whatever a
 * live region later reports (a declined card, the staff call). A key always cuts off the last words.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { speak, stopSpeaking } from '../../shared/speech';
import { useKiosk } from '../state/kiosk-context';
import { clampLevel, useA11y } from './a11y-context';
import { cartSpeech } from './cart-speech';
import { controlsOf, describeControl, describeScreen, openDialog, wordsOf } from './describe-control';
import { keypadCommand, type KeypadCommand } from './keypad-map';

const LIVE_REGIONS = '[role="status"], [role="alert"], [aria-live]';

function liveTexts(root: HTMLElement, lang: string): Map<Element, string> {
  return new Map([...root.querySelectorAll(LIVE_REGIONS)].map((region) => [region, wordsOf(region, lang)]));
}

/**
 * Texts of live regions that changed to something since `before`, less the screen's own prompt
 * (the announcement shows it too, and the screen's intro has already said it).
 */
function changedLive(before: Map<Element, string>, after: Map<Element, string>, prompt: string): string[] {
  return [...after].filter(([region, text]) => text && text !== prompt && before.get(region) !== text).map(([, text]) => text);
}

/** `prompt`: what the screen says (speech/prompts.ts); `screenKey` changes whenever the screen does. */
export function useVoiceGuide(root: RefObject<HTMLElement | null>, prompt: string, screenKey: string) {
  const kiosk = useKiosk();
  const a11y = useA11y();
  const latest = useRef({ kiosk, a11y, prompt, screenKey });
  latest.current = { kiosk, a11y, prompt, screenKey };
  const live = useRef(new Map<Element, string>());
  /** While a key's action settles its answer is spoken by the key, not by the live-region watcher. */
  const acting = useRef(false);
  /** The guide's own arrows move focus and speak it themselves. */
  const moving = useRef(false);
  const sightedKeyboard = useRef(false);

  const say = (text: string) => speak(text, latest.current.kiosk.t.speechLang);
  const wordsOfPrompt = () => latest.current.prompt.replace(/\s+/g, ' ').trim();
  const screenIntro = () => {
    const { kiosk, prompt } = latest.current;
    const element = root.current;
    if (!element) return '';
    const reader = kiosk.state.phase === 'payment' && !openDialog(element) ? kiosk.t.a11y.cardReader(kiosk.config.cardReaderPosition) : '';
    return [describeScreen(element, kiosk.t), openDialog(element) ? '' : prompt, reader].filter(Boolean).join(' ');
  };

  // Each new screen says its title, its number of choices and its prompt; the first says how the keys work.
  const { voiceGuide } = a11y;
  const wasOn = useRef(false);
  useEffect(() => {
    const startedNow = voiceGuide && !wasOn.current;
    const stoppedNow = !voiceGuide && wasOn.current;
    wasOn.current = voiceGuide;
    if (stoppedNow) say(latest.current.kiosk.t.a11y.stopped);
    if (!voiceGuide) return;
    const intro = screenIntro();
    say(startedNow ? `${latest.current.kiosk.t.a11y.started} ${intro}` : intro);
    if (root.current) live.current = liveTexts(root.current, latest.current.kiosk.t.lang);
    // Deliberately keyed: speaks once per screen.
  }, [voiceGuide, screenKey]);

  // A sighted keyboard user moves with Tab: the first keypad key starts the guide only for someone who has not.
  const atWelcome = kiosk.state.phase === 'welcome';
  useEffect(() => {
    if (atWelcome) sightedKeyboard.current = false;
  }, [atWelcome]);

  // Answers that arrive later (the card terminal, the staff pager) are spoken when they come.
  useEffect(() => {
    const element = root.current;
    if (!voiceGuide || !element) return;
    const observer = new MutationObserver(() => {
      if (acting.current) return;
      const now = liveTexts(element, latest.current.kiosk.t.lang);
      const changes = changedLive(live.current, now, wordsOfPrompt());
      live.current = now;
      if (changes.length > 0) say(changes.join('. '));
    });
    observer.observe(element, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
    // Deliberately keyed: one observer while the guide is on.
  }, [voiceGuide]);

  // Focus that moves without the guide's arrows (Tab, a touch, a dialog opening) is spoken too.
  useEffect(() => {
    const element = root.current;
    if (!voiceGuide || !element) return;
    const onFocus = (event: FocusEvent) => {
      if (acting.current || moving.current || !(event.target instanceof HTMLElement)) return;
      const controls = controlsOf(element);
      if (controls.includes(event.target)) say(describeControl(event.target, controls, latest.current.kiosk.t));
    };
    element.addEventListener('focusin', onFocus);
    return () => element.removeEventListener('focusin', onFocus);
    // Deliberately keyed: one listener while the guide is on.
  }, [voiceGuide]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { a11y } = latest.current;
      if (!a11y.keypadUsed) a11y.change({ keypadUsed: true });
      if (event.key === 'Tab') sightedKeyboard.current = true;
      const command = keypadCommand(event.key);
      const element = root.current;
      if (!command || !element) return;
      if (!a11y.voiceGuide) {
        const focused = document.activeElement && document.activeElement !== document.body;
        if (sightedKeyboard.current || focused) return;
        event.preventDefault();
        a11y.change({ voiceGuide: true });
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      stopSpeaking();
      run(command, element);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
    // Deliberately keyed: reads the latest state through a ref.
  }, []);

  function move(element: HTMLElement, step: 1 | -1) {
    const controls = controlsOf(element);
    if (controls.length === 0) return say(screenIntro());
    const at = controls.indexOf(document.activeElement as HTMLElement);
    const next = at === -1 ? (step === 1 ? 0 : controls.length - 1) : (at + step + controls.length) % controls.length;
    const target = controls[next]!;
    moving.current = true;
    target.focus();
    moving.current = false;
    target.scrollIntoView({ block: 'nearest' });
    say(describeControl(target, controls, latest.current.kiosk.t));
  }

  /** Runs a key's action, then says what came of it: a new screen speaks for itself. */
  function act(element: HTMLElement, action: () => void) {
    const before = { screen: latest.current.screenKey, dialog: openDialog(element), live: liveTexts(element, latest.current.kiosk.t.lang) };
    acting.current = true;
    action();
    setTimeout(() => {
      acting.current = false;
      const { kiosk } = latest.current;
      const after = liveTexts(element, kiosk.t.lang);
      live.current = after;
      if (latest.current.screenKey !== before.screen) return;
      const dialog = openDialog(element);
      const focused = document.activeElement as HTMLElement | null;
      const controls = controlsOf(element);
      const focusedControl = focused && controls.includes(focused) ? describeControl(focused, controls, kiosk.t) : '';
      if (dialog && dialog !== before.dialog) return say([describeScreen(element, kiosk.t), focusedControl].filter(Boolean).join(' '));
      const answer = [...changedLive(before.live, after, wordsOfPrompt()), focusedControl || screenIntro()];
      say(answer.join('. '));
    }, 0);
  }

  function closeDialog(dialog: HTMLDialogElement) {
    if (dialog.dispatchEvent(new Event('cancel', { cancelable: true }))) dialog.close();
  }

  function run(command: KeypadCommand, element: HTMLElement) {
    const { kiosk, a11y } = latest.current;
    const { t } = kiosk;
    switch (command) {
      case 'next':
        return move(element, 1);
      case 'previous':
        return move(element, -1);
      case 'choose': {
        const focused = document.activeElement as HTMLElement | null;
        if (!focused || !controlsOf(element).includes(focused)) return say(screenIntro());
        return act(element, () => focused.click());
      }
      case 'back': {
        const dialog = openDialog(element);
        if (dialog) return act(element, () => closeDialog(dialog));
        const back = element.querySelector<HTMLElement>('.nav-back');
        return back ? act(element, () => back.click()) : say(t.a11y.noBack);
      }
      case 'home': {
        a11y.keepForStartOver();
        const home = element.querySelector<HTMLElement>('.nav-home');
        return act(element, () => (home ? home.click() : kiosk.send({ type: 'reset' })));
      }
      case 'help':
        return say(`${screenIntro()} ${t.a11y.keys}`);
      case 'cart':
        return say(cartSpeech(kiosk.state, kiosk.menu, t, kiosk.language));
      case 'volumeUp':
      case 'volumeDown': {
        const volumeLevel = clampLevel(a11y.volumeLevel + (command === 'volumeUp' ? 1 : -1));
        return a11y.change({ volumeLevel });
      }
      case 'slower':
      case 'faster': {
        const rateLevel = clampLevel(a11y.rateLevel + (command === 'faster' ? 1 : -1));
        return a11y.change({ rateLevel });
      }
      case 'curtain':
        return a11y.toggle('curtain');
    }
  }

  // The new volume or rate is heard at once, in its own words.
  const { volumeLevel, rateLevel } = a11y;
  const levels = useRef({ volumeLevel, rateLevel });
  useEffect(() => {
    const changedVolume = levels.current.volumeLevel !== volumeLevel;
    const changedRate = levels.current.rateLevel !== rateLevel;
    levels.current = { volumeLevel, rateLevel };
    if (!latest.current.a11y.voiceGuide || (!changedVolume && !changedRate)) return;
    const { t } = latest.current.kiosk;
    say(changedVolume ? t.a11y.volume(volumeLevel) : t.a11y.rate(rateLevel));
    // Deliberately keyed: speaks once per change.
  }, [volumeLevel, rateLevel]);

  // The curtain's state is spoken too: the customer cannot see it.
  const { curtain } = a11y;
  const curtainBefore = useRef(curtain);
  useEffect(() => {
    if (curtainBefore.current === curtain) return;
    curtainBefore.current = curtain;
    if (latest.current.a11y.voiceGuide) say(`${latest.current.kiosk.t.a11y.curtain} ${curtain ? latest.current.kiosk.t.a11y.selected : latest.current.kiosk.t.a11y.notSelected}`);
    // Deliberately keyed: speaks once per change.
  }, [curtain]);
}
