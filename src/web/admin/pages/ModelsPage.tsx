/**
 * The camera model's registry: which version the kiosks use and how it scores, every version with
 * promote (owners) and roll back (owners), "train now", the training runs, and one version's
 * training curve. Loaded with recharts only when opened; charts drawn without animation.
 */
import { useCallback, useEffect, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ModelCurveResponse, ModelVersionResponse, TrainingRunsResponse } from '../../../contracts/http';
import { consoleApi } from '../admin-api';
import type { PageProps } from '../ConsoleApp';
import { dateTimeOf } from '../format';
import { usePolled } from '../use-polled';
import { problemText } from '../../shared/problem-text';

const VERSION_STATUS: Record<ModelVersionResponse['status'], string> = { active: '사용 중 · Active', candidate: '후보 · Candidate', retired: '이전 버전 · Retired' };
const RUN_STATUS: Record<TrainingRunsResponse['runs'][number]['status'], string> = { queued: '대기 · Queued', running: '학습 중 · Running', succeeded: '완료 · Succeeded', failed: '실패 · Failed' };
const TRIGGER: Record<TrainingRunsResponse['runs'][number]['trigger'], string> = { schedule: '예약 · Schedule', manual: '수동 · Manual', cli: '명령줄 · CLI' };
const score = (value: number) => value.toFixed(3);

const loadRegistry = () => Promise.all([consoleApi.modelVersions(), consoleApi.modelRuns()]).then(([{ versions }, { runs }]) => ({ versions, runs }));

export function ModelsPage({ user }: PageProps) {
  const { data, error, reload } = usePolled(loadRegistry, 5000);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const owner = user.role === 'owner';

  const act = useCallback(
    async (work: () => Promise<unknown>, done: string) => {
      try {
        await work();
        setMessage({ ok: true, text: done });
      } catch (failure) {
        setMessage({ ok: false, text: problemText(failure) });
      }
      reload();
    },
    [reload],
  );

  if (error) return <p className="form-problem" role="alert">{error}</p>;
  if (!data) return <p>…</p>;
  const active = data.versions.find((version) => version.status === 'active');
  const running = data.runs.some((run) => run.status === 'running' || run.status === 'queued');
  const shown = chosen ?? active?.version ?? null;

  return (
    <>
      {active && (
        <section className="panel" aria-labelledby="active-model">
          <h2 id="active-model">사용 중인 모델 · Active model</h2>
          <ul className="tiles" aria-label="사용 중인 모델의 성능 · Active model metrics">
            <li><span>버전 · Version</span><strong data-testid="active-version">{active.version}</strong></li>
            <li><span>매크로 F1 · Macro F1</span><strong>{score(active.metrics.macroF1)}</strong></li>
            <li><span>시니어 재현율 · Senior recall</span><strong>{score(active.metrics.seniorRecall)}</strong></li>
            <li><span>평가 얼굴 수 · Judged on</span><strong>{active.metrics.frozenSet.n.toLocaleString('ko-KR')}</strong></li>
          </ul>
          {owner && (
            <div className="toolbar">
              <button type="button" className="button big" disabled={running} onClick={() => void act(consoleApi.trainNow, '학습을 시작했어요 · Training started')}>
                {running ? '학습 중… · Training…' : '지금 학습 · Train now'}
              </button>
              <button type="button" className="button secondary big" disabled={!active.previousVersion} onClick={() => void act(consoleApi.rollbackModel, '이전 버전으로 되돌렸어요 · Rolled back')}>
                이전 버전으로 되돌리기 · Roll back
              </button>
            </div>
          )}
          {message && (
            <p className={message.ok ? 'form-ok' : 'form-problem'} role={message.ok ? 'status' : 'alert'}>
              {message.text}
            </p>
          )}
          <p className="settings-note">
            새 모델은 같은 평가 얼굴에서 매크로 F1이 더 높고 시니어 재현율이 낮지 않을 때만 자동으로 사용돼요. · A new version goes live on its own only with a higher macro F1 and no lower senior recall on the same faces.
          </p>
        </section>
      )}

      <section className="panel" aria-labelledby="model-versions">
        <h2 id="model-versions">버전 · Versions</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">버전 · Version</th>
              <th scope="col">상태 · Status</th>
              <th scope="col">매크로 F1 · Macro F1</th>
              <th scope="col">시니어 재현율 · Senior recall</th>
              <th scope="col">만든 때 · Created</th>
              <th scope="col">학습 얼굴 · Samples</th>
              <th scope="col">작업 · Actions</th>
            </tr>
          </thead>
          <tbody>
            {data.versions.map((version) => (
              <tr key={version.version} data-version={version.version}>
                <th scope="row">{version.version}</th>
                <td>{version.status === 'active' ? <strong>{VERSION_STATUS.active}</strong> : VERSION_STATUS[version.status]}</td>
                <td>{score(version.metrics.macroF1)}</td>
                <td>{score(version.metrics.seniorRecall)}</td>
                <td>{dateTimeOf(version.createdAt)}</td>
                <td>{version.lineage.sampleCount > 0 ? version.lineage.sampleCount.toLocaleString('ko-KR') : '—'}</td>
                <td>
                  <div className="actions">
                    <button type="button" className="button secondary" aria-pressed={version.version === shown} onClick={() => setChosen(version.version)}>
                      곡선 보기 · Curve
                    </button>
                    {owner && version.status !== 'active' && (
                      <button type="button" className="button" onClick={() => void act(() => consoleApi.promoteModel(version.version), `${version.version}을(를) 사용해요 · Promoted`)}>
                        이 버전 사용 · Promote
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {shown && <TrainingCurve version={shown} />}

      <section className="panel" aria-labelledby="training-runs">
        <h2 id="training-runs">학습 기록 · Training runs</h2>
        {data.runs.length === 0 ? (
          <p className="empty">아직 학습한 적이 없어요 · No training runs yet</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">시작 · Started</th>
                <th scope="col">상태 · Status</th>
                <th scope="col">계기 · Trigger</th>
                <th scope="col">끝 · Finished</th>
                <th scope="col">버전 · Version</th>
                <th scope="col">오류 · Error</th>
              </tr>
            </thead>
            <tbody>
              {data.runs.map((run) => (
                <tr key={run.id} data-run-status={run.status}>
                  <td>{run.startedAt ? dateTimeOf(run.startedAt) : '—'}</td>
                  <td>{run.status === 'failed' ? <strong className="form-problem">{RUN_STATUS.failed}</strong> : RUN_STATUS[run.status]}</td>
                  <td>{TRIGGER[run.trigger]}</td>
                  <td>{run.finishedAt ? dateTimeOf(run.finishedAt) : '—'}</td>
                  <td>{run.version ?? '—'}</td>
                  <td className="run-error">{run.error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

/** Loss and accuracy per epoch of one version's training (the regularisation it chose). */
function TrainingCurve({ version }: { version: string }) {
  const [curve, setCurve] = useState<ModelCurveResponse | null>(null);
  useEffect(() => {
    let current = true;
    consoleApi.modelCurve(version).then((loaded) => current && setCurve(loaded), () => current && setCurve({ version, curve: [] }));
    return () => {
      current = false;
    };
  }, [version]);
  return (
    <section className="panel" aria-labelledby="training-curve">
      <h2 id="training-curve">학습 곡선 · Training curve: {version}</h2>
      {!curve || curve.version !== version ? (
        <p>…</p>
      ) : curve.curve.length === 0 ? (
        <p className="empty">이 버전은 학습 곡선이 없어요 (함께 배포된 모델) · No curve for this version (shipped with the app)</p>
      ) : (
        <div className="chart" data-testid="training-curve">
          <ResponsiveContainer width="100%" height={280}>
            <LineChart data={curve.curve}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="epoch" minTickGap={24} label={{ value: '에포크 · Epoch', position: 'insideBottom', offset: -4 }} height={44} />
              <YAxis yAxisId="loss" />
              <YAxis yAxisId="accuracy" orientation="right" domain={[0, 1]} />
              <Tooltip formatter={(value) => Number(value).toFixed(3)} />
              <Legend verticalAlign="top" />
              <Line yAxisId="loss" type="monotone" dataKey="loss" stroke="#9d174d" strokeWidth={2} dot={false} name="손실 · Loss" isAnimationActive={false} />
              <Line yAxisId="accuracy" type="monotone" dataKey="accuracy" stroke="#1e3a8a" strokeWidth={2} strokeDasharray="6 3" dot={false} name="정확도 · Accuracy" isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </section>
  );
}
