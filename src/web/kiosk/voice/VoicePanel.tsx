import { useKiosk } from '../state/kiosk-context';
import type { useVoice } from './use-voice';

type Voice = ReturnType<typeof useVoice>;

/** The microphone button, what was heard, and the question back with buttons for the same answer. */
export function VoicePanel({ voice }: { voice: Voice }) {
  const { t, config } = useKiosk();
  const { listening, heard, message, confirm } = voice.voice;
  if (!voice.available) return null;
  return (
    <section className="voice-panel" aria-label={t.voice.speak}>
      <button type="button" className="action voice-listen" aria-pressed={listening} onClick={voice.listen}>
        {listening ? t.voice.listening : t.voice.speak}
      </button>
      {/* Where the voice goes: said before the first word where it leaves the kiosk, else while listening. */}
      {config.voiceEngine !== 'off' && (listening || config.voiceEngine === 'browser') && <p className="voice-notice">{t.voice.whereAudioGoes[config.voiceEngine]}</p>}
      <div role="status" className="voice-status">
        {heard && <p className="voice-heard">{t.voice.heard(heard)}</p>}
        {message && <p className="voice-message">{message}</p>}
        {confirm && <p className="voice-question">{confirm.question}</p>}
      </div>
      {confirm && (
        <div className="voice-answers">
          <button type="button" className="action" onClick={() => voice.answer(false)}>
            {t.voice.no}
          </button>
          <button type="button" className="action primary" onClick={() => voice.answer(true)}>
            {t.voice.yes}
          </button>
        </div>
      )}
    </section>
  );
}
