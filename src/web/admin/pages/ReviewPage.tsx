/**
 * The review queue: camera decisions the model was unsure of (or the customer contradicted), oldest
 * first, each with the face crop the store collected (only stores that collect images queue any).
 * A person names the group or discards the face. The data counts on top show what the flywheel holds.
 */
import { useCallback, useState } from 'react';
import type { FlywheelCountsResponse, ReviewItem, ReviewVerdictRequest } from '../../../contracts/http';
import { FACE_GROUPS } from '../../../domain/customer-group';
import { consoleApi } from '../admin-api';
import { dateTimeOf, GROUP_TEXT } from '../format';
import { usePolled } from '../use-polled';
import { problemText } from '../../shared/problem-text';

const STATUS_TEXT: Record<keyof FlywheelCountsResponse['decisions'], string> = {
  review: '검토 대기 · Waiting',
  auto: '자동 라벨 · Auto-labelled',
  reviewed: '검토 완료 · Reviewed',
  discarded: '버림 · Discarded',
  none: '기록만 · Logged only',
};
const SOURCE_TEXT: Record<string, string> = { decision: '카메라 · Camera', import: '가져온 데이터 · Imported' };
const LABEL_SOURCE_TEXT: Record<string, string> = { auto: '자동 · Auto', review: '사람 검토 · Reviewed', import: '데이터셋 · Dataset' };
const OVERRIDE_TEXT: Record<string, string> = { left_easy: '손님이 쉬운 화면을 바로 나감 · Left easy mode at once', chose_easy: '손님이 쉬운 화면을 직접 고름 · Chose easy mode by hand' };

export function ReviewPage() {
  const [after, setAfter] = useState<string | null>(null);
  const loadQueue = useCallback(() => consoleApi.reviewQueue(after), [after]);
  const queue = usePolled(loadQueue, 10_000);
  const counts = usePolled(consoleApi.flywheelCounts, 10_000);
  const [problem, setProblem] = useState<string | null>(null);

  const answer = async (id: string, verdict: ReviewVerdictRequest['verdict']) => {
    try {
      await consoleApi.review(id, verdict);
      setProblem(null);
    } catch (failure) {
      setProblem(problemText(failure));
    }
    queue.reload();
    counts.reload();
  };

  const error = problem ?? queue.error ?? counts.error;
  return (
    <>
      {error && <p className="form-problem" role="alert">{error}</p>}
      {counts.data && <DataCounts counts={counts.data} />}
      <h2>검토할 판단 · Decisions to review {queue.data && <span className="muted">({queue.data.pending})</span>}</h2>
      {queue.data?.items.length === 0 && <p className="empty">검토할 판단이 없어요. 확신이 낮은 판단은 얼굴 사진을 수집할 때만(설정) 여기로 와요 · Nothing to review. Unsure decisions come here only while the store collects face crops (Settings).</p>}
      <ol className="review-list">
        {queue.data?.items.map((item) => <ReviewCard key={item.id} item={item} onAnswer={(verdict) => void answer(item.id, verdict)} />)}
      </ol>
      <div className="toolbar">
        {after && (
          <button type="button" className="button secondary" onClick={() => setAfter(null)}>
            처음으로 · First page
          </button>
        )}
        {queue.data?.next && (
          <button type="button" className="button secondary" onClick={() => setAfter(queue.data!.next)}>
            다음 · Next page
          </button>
        )}
      </div>
    </>
  );
}

function DataCounts({ counts }: { counts: FlywheelCountsResponse }) {
  return (
    <section className="panel" aria-labelledby="data-counts-title">
      <h2 id="data-counts-title">데이터 · Data</h2>
      <ul className="tiles">
        {(Object.keys(STATUS_TEXT) as (keyof typeof STATUS_TEXT)[]).map((status) => (
          <li key={status} data-status={status}>
            <span className="muted">{STATUS_TEXT[status]}</span> <strong>{counts.decisions[status]}</strong>
          </li>
        ))}
      </ul>
      <p>
        학습 데이터 · Training samples:{' '}
        {counts.samples.length === 0
          ? '없음 · none'
          : counts.samples.map((entry) => `${SOURCE_TEXT[entry.source] ?? entry.source} / ${LABEL_SOURCE_TEXT[entry.labelSource] ?? entry.labelSource} ${entry.count}`).join(' · ')}
      </p>
    </section>
  );
}

function ReviewCard({ item, onAnswer }: { item: ReviewItem; onAnswer: (verdict: ReviewVerdictRequest['verdict']) => void }) {
  return (
    <li className="panel review-item" data-decision-id={item.id}>
      <div className="review-facts">
        {item.cropUrl ? <img className="review-crop" src={item.cropUrl} alt="카메라가 본 얼굴 · The face the camera saw" width={160} /> : <p className="muted">사진 없음 · No photo kept</p>}
        <p>
          카메라 판단 · Camera said: <strong>{GROUP_TEXT[item.group] ?? item.group}</strong> ({Math.round(item.confidence * 100)}%)
        </p>
        <p className="muted">
          {dateTimeOf(item.decidedAt)} · {item.kioskId} · {item.modelVersion}
        </p>
        {item.override && <p>{OVERRIDE_TEXT[item.override]}</p>}
      </div>
      <div className="verdicts" role="group" aria-label="맞는 그룹 · The right group">
        {FACE_GROUPS.map((group) => (
          <button key={group} type="button" className="button verdict" data-verdict={group} onClick={() => onAnswer(group)}>
            {GROUP_TEXT[group]}
          </button>
        ))}
        <button type="button" className="button secondary verdict" data-verdict="discard" onClick={() => onAnswer('discard')}>
          버리기 · Discard
        </button>
      </div>
    </li>
  );
}
