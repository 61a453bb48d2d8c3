/**
 * Voice ordering on the kiosk: listen for one utterance, understand it with the order parser, act
 * on it or ask it back, and speak the question. Touch stays everywhere; voice is an extra way in.
 */
import { useMemo, useRef, useState } from 'react';
import type { KioskEvent } from '../../../domain/kiosk-flow';
import { OrderParser } from '../../../voice/understanding/order-parser';
import { useKiosk } from '../state/kiosk-context';
import { expectedPhrases } from './expected-phrases';
import { browserSpeechListener, offlineSpeechListener, serverSpeechListener, type HeardSpeech, type SpeechListener } from './speech-listener';
import { planFor, planForDoubt } from './voice-plan';

export type VoiceState = {
  listening: boolean;
  heard: string | null;
  message: string | null;
  confirm: { question: string; events: KioskEvent[] } | null;
};

/** What voice ordering needs of the shell: 다시 듣기, the staff call, and the kiosk's voice for its answers. */
export type VoiceHooks = { onRepeat: () => void; onCallStaff: () => void; say: (text: string) => void };

export function useVoice({ onRepeat, onCallStaff, say }: VoiceHooks) {
  const kiosk = useKiosk();
  const latest = useRef(kiosk);
  latest.current = kiosk;
  const [voice, setVoice] = useState<VoiceState>({ listening: false, heard: null, message: null, confirm: null });
  // The pending question lives in a ref too: effects must not run inside state updaters.
  const pending = useRef<VoiceState['confirm']>(null);
  /** A doubtful answer to the pending question has already been asked back once. */
  const askedAgain = useRef(false);
  const engine = kiosk.config.voiceEngine;
  const listener = useMemo((): SpeechListener | null => {
    if (engine === 'browser') return browserSpeechListener();
    if (engine === 'offline') return offlineSpeechListener(() => expectedPhrases(latest.current.state, pending.current !== null));
    if (engine === 'whisper') return serverSpeechListener();
    return null;
  }, [engine]);
  const parser = useMemo(() => new OrderParser(kiosk.menu), [kiosk.menu]);

  const show = (heard: string | null, message: string | null, confirm: VoiceState['confirm']) => {
    if (confirm !== pending.current) askedAgain.current = false;
    pending.current = confirm;
    setVoice((current) => ({ ...current, heard: heard ?? current.heard, message, confirm }));
  };

  const answer = (yes: boolean) => {
    if (yes) pending.current?.events.forEach((event) => latest.current.send(event));
    show(null, null, null);
  };

  const understand = (text: string) => {
    const { state, send, menu, t, language } = latest.current;
    const intents = parser.parse(text).intents;
    const reply = intents[0]?.type;
    if (intents.some((intent) => intent.type !== 'unknown')) send({ type: 'voice_understood' });
    if (pending.current && (reply === 'yes' || reply === 'no')) {
      if (reply === 'yes') pending.current.events.forEach((event) => send(event));
      show(text, null, null);
      return;
    }
    const plan = planFor(intents, state, menu, t, language);
    plan.now.forEach((event) => send(event));
    if (plan.action === 'call_staff') onCallStaff();
    if (plan.action === 'repeat') onRepeat();
    const spoken = plan.confirm?.question ?? plan.say;
    if (spoken) say(spoken);
    show(text, plan.say, plan.confirm);
  };

  const doubt = (text: string) => {
    const { say: spoken, message } = planForDoubt(text, pending.current?.question ?? null, askedAgain.current, latest.current.t);
    if (pending.current) askedAgain.current = true;
    if (spoken) say(spoken);
    if (message) setVoice((current) => ({ ...current, message }));
  };

  const hear = ({ text, sure }: HeardSpeech) => (sure ? understand(text) : doubt(text));

  /** Starts listening, or stops a conversation that is still listening. */
  const listen = () => {
    if (!listener) return;
    if (voice.listening) return listener.stop();
    setVoice((current) => ({ ...current, listening: true, message: null }));
    listener.listen(latest.current.t.speechLang, hear, (problem) =>
      setVoice((current) => ({ ...current, listening: false, message: problem ? latest.current.t.voice.noMicrophone : current.message })),
    );
  };

  return { available: listener !== null, voice, listen, answer };
}
