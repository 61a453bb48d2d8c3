/**
 * 음성 학습 · Voice training: staff read the recognizer's phrases into the microphone, a few takes
 * each, several people, each take with the speaker's consent. The takes are kept privately (the
 * console plays them back; nothing else serves them) and are deleted one by one or a speaker at once.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { VoiceModelVersionsResponse, VoicePhrasesResponse, VoiceRecordingResponse, VoiceTrainingStatus } from '../../../contracts/voice-recordings';
import { consoleApi } from '../admin-api';
import type { PageProps } from '../ConsoleApp';
import { dateTimeOf } from '../format';
import { usePolled, type Polled } from '../use-polled';
import { startTake, type TakeRecorder } from '../voice-take-recorder';
import { problemText } from '../../shared/problem-text';

type PhraseKind = VoicePhrasesResponse['phrases'][number]['kind'];
const KIND_TEXT: Record<PhraseKind, string> = { command: '대답과 명령 · Answers & commands', item: '메뉴 · Dishes', option: '옵션 · Options', quantity: '수량 · Quantities' };
const KIND_ORDER: PhraseKind[] = ['command', 'item', 'option', 'quantity'];

export function VoiceTrainingPage({ user }: PageProps) {
  const phrases = usePolled(consoleApi.voicePhrases, 60_000);
  const recordings = usePolled(consoleApi.voiceRecordings, 10_000);
  const models = usePolled(consoleApi.voiceModels, 10_000);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const act = (action: () => Promise<unknown>, done: string) =>
    void action().then(
      () => {
        setProblem(null);
        setNotice(done);
        recordings.reload();
      },
      (failure: unknown) => setProblem(problemText(failure)),
    );
  const bySpeaker = useMemo(() => groupBySpeaker(recordings.data?.recordings ?? []), [recordings.data]);
  return (
    <>
      {(phrases.error ?? recordings.error ?? problem) && <p className="form-problem" role="alert">{phrases.error ?? recordings.error ?? problem}</p>}
      {notice && <p role="status" className="form-ok">{notice}</p>}
      <TakeForm phrases={phrases.data?.phrases ?? []} onTake={(speaker, phrase, wav) => act(() => consoleApi.addVoiceRecording(speaker, phrase, wav), `저장했어요 · Saved: ${speaker} · ${phrase}`)} onProblem={setProblem} />
      <TrainingPanel onProblem={setProblem} onFinished={models.reload} />
      <VersionsPanel models={models} owner={user.role === 'owner'} onProblem={setProblem} />
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
      onProblem(`마이크를 열 수 없어요 · Could not open the microphone: ${problemText(error)}`);
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
        <label className="settings-check">
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

/** 학습 시작 and the last run's held-out numbers: the adapted model against the one in use. */
function TrainingPanel({ onProblem, onFinished }: { onProblem: (problem: string) => void; onFinished: () => void }) {
  const training = usePolled(consoleApi.voiceTraining, 3000);
  const status = training.data;
  // A run that ends may have kept a version: the list shows it at once rather than at its next poll.
  const finishedAt = status?.state === 'finished' ? status.finishedAt : null;
  useEffect(() => {
    if (finishedAt) onFinished();
  }, [finishedAt, onFinished]);
  const start = () => void consoleApi.startVoiceTraining().then(training.reload, (failure: unknown) => onProblem(problemText(failure)));
  return (
    <section className="panel voice-training" aria-labelledby="voice-training" data-state={status?.state ?? 'idle'}>
      <h2 id="voice-training">학습 · Training</h2>
      <p className="muted">녹음 세 개 중 하나는 시험용으로 따로 둬요. 새 모델이 그 녹음에서 더 잘 듣고 합성 음성에서 나빠지지 않을 때만 키오스크에 써요. · Every third take is held out as the test; the adapted model is used only if it hears those better and synthetic voices no worse.</p>
      <button type="button" className="button" disabled={status?.state === 'running'} onClick={start}>
        학습 시작 · Start training
      </button>
      {status?.state === 'running' && <p role="status">학습 중… 몇 분 걸려요 · Training… this takes a few minutes</p>}
      {status?.state === 'failed' && <p className="form-problem">학습 실패 · Training failed: {status.message}</p>}
      {status?.state === 'finished' && status.result && <TrainingResult status={status} result={status.result} />}
    </section>
  );
}

type TrainingOutcome = NonNullable<VoiceTrainingStatus['result']>;
const percent = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(1)} %`);

function TrainingResult({ status, result }: { status: VoiceTrainingStatus; result: TrainingOutcome }) {
  const rows: [string, (judged: TrainingOutcome['current']) => string][] = [
    [`가게 녹음 (시험용 ${result.recordings.heldOut}개) · Store takes held out`, (judged) => percent(judged.store.intentAccuracy)],
    ['합성 음성 · Synthetic voices', (judged) => percent(judged.synthetic.intentAccuracy)],
    ['주문 아닌 말에 반응 · Triggered by talk', (judged) => percent(judged.synthetic.falseTriggerRate)],
  ];
  return (
    <div className="voice-training-result" data-promoted={String(result.promote)}>
      <p role="status">
        {result.promote ? '새 모델이 더 나아서 키오스크에 쓰고 있어요 · The adapted model is better and now in use' : '지금 모델을 그대로 써요 · The current model stays'} ({status.message})
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">시험 · Test</th>
            <th scope="col">지금 모델 · Before</th>
            <th scope="col">학습한 모델 · After</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value(result.current)}</td>
              <td>{value(result.adapted)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Every model 음성 학습 kept, newest first, with the numbers that let it in; owners step back one, or use any again. */
function VersionsPanel({ models, owner, onProblem }: { models: Polled<VoiceModelVersionsResponse>; owner: boolean; onProblem: (problem: string) => void }) {
  const versions = models.data?.versions ?? [];
  const inUse = versions.find((version) => version.status === 'active');
  const rollback = () =>
    window.confirm('이전 음성 모델로 되돌릴까요? · Go back to the previous voice model?') &&
    void consoleApi.rollbackVoiceModel().then(models.reload, (failure: unknown) => onProblem(problemText(failure)));
  const useAgain = (version: string) =>
    window.confirm(`${version} 모델을 다시 쓸까요? · Use ${version} again?`) &&
    void consoleApi.activateVoiceModel(version).then(models.reload, (failure: unknown) => onProblem(problemText(failure)));
  return (
    <section className="panel voice-models" aria-labelledby="voice-models">
      <h2 id="voice-models">음성 모델 · Voice models</h2>
      <p data-active-version={inUse?.version ?? 'shipped'}>
        키오스크가 쓰는 모델 · In use: <strong>{inUse ? inUse.version : '기본 모델 · The shipped model'}</strong>
      </p>
      {versions.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">버전 · Version</th>
              <th scope="col">상태 · Status</th>
              <th scope="col">가게 녹음 전→후 · Store takes before→after</th>
              <th scope="col">합성 음성 전→후 · Synthetic before→after</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.version} data-version={version.version} data-status={version.status}>
                <td>{version.version} <span className="muted">{dateTimeOf(version.createdAt)}</span></td>
                <td>
                  {version.status === 'active' ? '사용 중 · In use' : '이전 · Earlier'}
                  {owner && version.status !== 'active' && ' '}
                  {owner && version.status !== 'active' && (
                    <button type="button" className="button secondary" onClick={() => useAgain(version.version)}>
                      다시 쓰기 · Use again <span className="visually-hidden">{version.version}</span>
                    </button>
                  )}
                </td>
                <td>{percent(version.result.current.store.intentAccuracy)} → {percent(version.result.adapted.store.intentAccuracy)}</td>
                <td>{percent(version.result.current.synthetic.intentAccuracy)} → {percent(version.result.adapted.synthetic.intentAccuracy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {owner && inUse && (
        <button type="button" className="button secondary" onClick={rollback}>
          되돌리기 · Roll back
        </button>
      )}
    </section>
  );
}

function groupBySpeaker(recordings: VoiceRecordingResponse[]): Map<string, VoiceRecordingResponse[]> {
  const groups = new Map<string, VoiceRecordingResponse[]>();
  for (const recording of recordings) groups.set(recording.speaker, [...(groups.get(recording.speaker) ?? []), recording]);
  return groups;
}
