import { staffCallReason } from '../../shared/staff-call-text';
import { consoleApi } from '../admin-api';
import { dateTimeOf } from '../format';
import { usePolled } from '../use-polled';

/** The latest staff calls and whether someone answered (the pager answers them). */
export function StaffCallsPage() {
  const { data, error } = usePolled(consoleApi.staffCalls);
  return (
    <>
      {error && <p className="form-problem" role="alert">{error}</p>}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">시각 · Time</th>
            <th scope="col">키오스크 · Kiosk</th>
            <th scope="col">내용 · About</th>
            <th scope="col">응답 · Answered</th>
          </tr>
        </thead>
        <tbody>
          {data?.calls.map((call) => (
            <tr key={call.id}>
              <td>{dateTimeOf(call.createdAt)}</td>
              <td>{call.kioskId}</td>
              <td>{staffCallReason(call) ?? '—'}</td>
              <td>{call.acknowledgedAt ? dateTimeOf(call.acknowledgedAt) : <strong>대기 중 · Waiting</strong>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data?.calls.length === 0 && <p className="empty">호출이 없어요 · No calls</p>}
    </>
  );
}
