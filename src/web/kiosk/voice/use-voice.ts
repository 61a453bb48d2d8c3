/**
 * Voice ordering on the kiosk: listen for one utterance, understand it with the order parser, act
 * on it or ask it back, and speak the question. Touch stays everywhere; voice is an extra way in.
 */
import { useMemo, useRef, useState } from 'react';
import type { KioskEvent } from '../../../domain/kiosk-flow';
import { OrderParser } from '../../../voice/understanding/order-parser';
import { kioskApi } from '../api/kiosk-api';
import { speak } from '../speech/speech';
import { useKiosk } from '../state/kiosk-context';
import { browserSpeechListener } from './speech-listener';
import { planFor } from './voice-plan';

export type VoiceState = {
  listening: boolean;
  heard: string | null;
  message: string | null;
  confirm: { question: string; events: KioskEvent[] } | null;
};

export function useVoice(onRepeat: () => void) {
  const kiosk = useKiosk();
  const latest = useRef(kiosk);
  latest.current = kiosk;
  const listener = useMemo(() => browserSpeechListener(), []);
  const parser = useMemo(() => new OrderParser(kiosk.menu), [kiosk.menu]);
  const [voice, setVoice] = useState<VoiceState>({ listening: false, heard: null, message: null, confirm: null });

  const say = (text: string) => speak(text, latest.current.t.speechLang);
  // The pending question lives in a ref too: effects must not run inside state updaters.
  const pending = useRef<VoiceState['confirm']>(null);
  const show = (heard: string | null, message: string | null, confirm: VoiceState['confirm']) => {
    pending.current = confirm;
    setVoice((current) => ({ ...current, heard: heard ?? current.heard, message, confirm }));
  };

  const answer = (yes: boolean) => {
    if (yes) pending.current?.events.forEach((event) => latest.current.send(event));
    show(null, null, null);
  };

  const understand = (text: string) => {
    const { state, send, menu, t, language, config } = latest.current;
    const intents = parser.parse(text).intents;
    const reply = intents[0]?.type;
    if (pending.current && (reply === 'yes' || reply === 'no')) {
      if (reply === 'yes') pending.current.events.forEach((event) => send(event));
      show(text, null, null);
      return;
    }
    const plan = planFor(intents, state, menu, t, language);
    plan.now.forEach((event) => send(event));
    if (plan.action === 'call_staff') void kioskApi.callStaff(config.kioskId, state.phase);
    if (plan.action === 'repeat') onRepeat();
    const spoken = plan.confirm?.question ?? plan.say;
    if (spoken) say(spoken);
    show(text, plan.say, plan.confirm);
  };

  const listen = () => {
    if (!listener) return;
    setVoice((current) => ({ ...current, listening: true, message: null }));
    listener.listen(latest.current.t.speechLang, understand, () => setVoice((current) => ({ ...current, listening: false })));
  };

  return { available: listener !== null, voice, listen, answer };
}
