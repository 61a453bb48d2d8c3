/**
 * 음성 학습 · Voice training: staff read the recognizer's phrases into the microphone, a few takes
 * each, several people, each take with the speaker's consent. The takes are kept privately (the
 * console plays them back; nothing else serves them) and are deleted one by one or a speaker at once.
 */
import { useMemo, useRef, useState, type FormEvent } from 'react';
import type { VoicePhrasesResponse, VoiceRecordingResponse } from '../../../contracts/voice-recordings';
import { consoleApi } from '../admin-api';
import { dateTimeOf } from '../format';
import { usePolled } from '../use-polled';
import { startTake, type TakeRecorder } from '../voice-take-recorder';

type PhraseKind = VoicePhrasesResponse['phrases'][number]['kind'];
const KIND_TEXT: Record<PhraseKind, string> = { command: '대답과 명령 · Answers & commands', item: '메뉴 · Dishes', option: '옵션 · Options', quantity: '수량 · Quantities' };
const KIND_ORDER: PhraseKind[] = ['command', 'item', 'option', 'quantity'];

export function VoiceTrainingPage() {
  const phrases = usePolled(consoleApi.voicePhrases, 60_000);
  const recordings = usePolled(consoleApi.voiceRecordings, 10_000);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const act = (action: () => Promise<unknown>, done: string) =>
    void action().then(
      () => {
        setProblem(null);
        setNotice(done);
        recordings.reload();
      },
      (failure: unknown) => setProblem(failure instanceof Error ? failure.message : String(failure)),
    );
  const bySpeaker = useMemo(() => groupBySpeaker(recordings.data?.recordings ?? []), [recordings.data]);
  return (
    <>
      {(phrases.error ?? recordings.error ?? problem) && <p className="form-problem" role="alert">{phrases.error ?? recordings.error ?? problem}</p>}
      {notice && <p role="status" className="form-ok">{notice}</p>}
      <TakeForm phrases={phrases.data?.phrases ?? []} onTake={(speaker, phrase, wav) => act(() => consoleApi.addVoiceRecording(speaker, phrase, wav), `저장했어요 · Saved: ${speaker} · ${phrase}`)} onProblem={setProblem} />
      {bySpeaker.size === 0 && recordings.data && <p className="empty">녹음이 없어요 · No recordings yet</p>}
      {[...bySpeaker].map(([speaker, takes]) => (
        <section key={speaker} className="panel voice-speaker" data-speaker={speaker} aria-label={speaker}>
          <h2>
            {speaker} <span className="muted">{takes.length}개 · {takes.length} takes</span>
          </h2>
          <button type="button" className="button secondary" onClick={() => window.confirm(`${speaker}: 녹음을 모두 지울까요? · Delete all of ${speaker}'s recordings?`) && act(() => consoleApi.removeVoiceSpeaker(speaker), `지웠어요 · Deleted: ${speaker}`)}>
            모두 삭제 · Delete all <span className="visually-hidden">{speaker}</span>
          </button>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">문구 · Phrase</th>
                <th scope="col">길이 · Length</th>
                <th scope="col">동의 · Consent</th>
                <th scope="col">듣기 · Listen</th>
                <th scope="col"><span className="visually-hidden">삭제 · Delete</span></th>
              </tr>
            </thead>
            <tbody>
              {takes.map((take) => (
                <tr key={take.id} data-recording-id={take.id} data-phrase={take.phrase}>
                  <td>{take.phrase}</td>
                  <td>{(take.durationMs / 1000).toFixed(1)} s</td>
                  <td>{dateTimeOf(take.consentAt)}</td>
                  <td>
                    <audio controls preload="none" src={consoleApi.voiceRecordingAudioUrl(take.id)} aria-label={`${take.phrase} 듣기 · Listen`} />
                  </td>
                  <td>
                    <button type="button" className="button secondary" onClick={() => act(() => consoleApi.removeVoiceRecording(take.id), `지웠어요 · Deleted: ${take.phrase}`)}>
                      삭제 · Delete <span className="visually-hidden">{take.phrase}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

function TakeForm({ phrases, onTake, onProblem }: { phrases: VoicePhrasesResponse['phrases']; onTake: (speaker: string, phrase: string, wav: Blob) => void; onProblem: (problem: string) => void }) {
  const [speaker, setSpeaker] = useState('');
  const [phrase, setPhrase] = useState('');
  const [consent, setConsent] = useState(false);
  const recorder = useRef<TakeRecorder | null>(null);
  const [recording, setRecording] = useState(false);
  const chosen = phrase || phrases[0]?.text || '';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (recording) {
      setRecording(false);
      const wav = await recorder.current!.stop();
      recorder.current = null;
      onTake(speaker.trim(), chosen, wav);
      return;
    }
    try {
      recorder.current = await startTake();
      setRecording(true);
    } catch (error) {
      onProblem(`마이크를 열 수 없어요 · Could not open the microphone: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <section className="panel" aria-labelledby="record-take">
      <h2 id="record-take">녹음하기 · Record a take</h2>
      <p className="muted">문구를 고르고, 녹음을 누른 뒤 한 번 말하고, 끝을 누르세요. 같은 문구를 여러 번, 여러 사람이 녹음할수록 좋아요. · Pick a phrase, press Record, say it once, press Stop. Several takes by several people help most.</p>
      <form className="inline-form" onSubmit={(event) => void submit(event)}>
        <label>
          말하는 사람 · Speaker <input name="speaker" value={speaker} maxLength={40} required disabled={recording} onChange={(event) => setSpeaker(event.target.value)} />
        </label>
        <label>
          문구 · Phrase
          <select name="phrase" value={chosen} disabled={recording} onChange={(event) => setPhrase(event.target.value)}>
            {KIND_ORDER.map((kind) => (
              <optgroup key={kind} label={KIND_TEXT[kind]}>
                {phrases.filter((candidate) => candidate.kind === kind).map((candidate) => (
                  <option key={candidate.text} value={candidate.text}>{candidate.text}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" name="consent" checked={consent} disabled={recording} onChange={(event) => setConsent(event.target.checked)} />
          말하는 사람이 녹음과 음성 인식 학습에 동의했어요 (언제든 지울 수 있어요) · The speaker agrees to be recorded for training the recognizer (deletable at any time)
        </label>
        <button type="submit" className="button" disabled={!consent || speaker.trim() === '' || chosen === ''}>
          {recording ? '끝 · Stop' : '녹음 · Record'}
        </button>
      </form>
      {recording && <p role="status" className="recording-now">녹음 중… 문구를 말하세요 · Recording… say “{chosen}”</p>}
    </section>
  );
}

function groupBySpeaker(recordings: VoiceRecordingResponse[]): Map<string, VoiceRecordingResponse[]> {
  const groups = new Map<string, VoiceRecordingResponse[]>();
  for (const recording of recordings) groups.set(recording.speaker, [...(groups.get(recording.speaker) ?? []), recording]);
  return groups;
}
