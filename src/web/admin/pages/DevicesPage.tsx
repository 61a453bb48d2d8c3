/**
 * The store's kiosks and devices: which are online, what each kiosk's camera last decided and with
 * which model. Owners pair a new device (its link is shown once) and revoke one (its API access
 * and open broker connections end at once).
 */
import { useState, type FormEvent } from 'react';
import type { NewDeviceRequest, NewDeviceResponse } from '../../../contracts/http';
import { consoleApi } from '../admin-api';
import type { PageProps } from '../ConsoleApp';
import { dateTimeOf, GROUP_TEXT } from '../format';
import { usePolled } from '../use-polled';
import { problemText } from '../../shared/problem-text';

const KIND_TEXT: Record<string, string> = { kiosk: '키오스크 · Kiosk', kitchen: '주방 화면 · Kitchen', pickup: '픽업 안내 · Pickup board', pager: '직원 호출기 · Pager', camera: '카메라 · Camera' };

export function DevicesPage({ user }: PageProps) {
  const { data, error, reload } = usePolled(consoleApi.devices);
  const owner = user.role === 'owner';
  return (
    <>
      {error && <p className="form-problem" role="alert">{error}</p>}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">기기 · Device</th>
            <th scope="col">종류 · Kind</th>
            <th scope="col">상태 · Status</th>
            <th scope="col">마지막 판단 · Last camera decision</th>
            <th scope="col">모델 · Model</th>
            {owner && <th scope="col"><span className="visually-hidden">해지 · Revoke</span></th>}
          </tr>
        </thead>
        <tbody>
          {data?.devices.map((device) => (
            <tr key={device.id} data-device-id={device.id}>
              <th scope="row">
                {device.name} {device.name !== device.id && <span className="muted">{device.id}</span>}
              </th>
              <td>{KIND_TEXT[device.kind] ?? device.kind}</td>
              <td data-status={device.revoked ? 'revoked' : (device.presence?.status ?? 'unknown')}>
                {device.revoked ? '해지됨 · Revoked' : device.presence?.status === 'online' ? '켜짐 · Online' : device.presence?.status === 'offline' ? '꺼짐 · Offline' : '—'}
              </td>
              <td>
                {device.presence?.lastGroup
                  ? `${GROUP_TEXT[device.presence.lastGroup] ?? device.presence.lastGroup} (${Math.round((device.presence.lastConfidence ?? 0) * 100)}%) · ${dateTimeOf(device.presence.lastDecidedAt!)}`
                  : '—'}
              </td>
              <td>{device.presence?.modelVersion ?? '—'}</td>
              {owner && (
                <td>
                  {!device.revoked && (
                    <button type="button" className="button secondary" onClick={() => void consoleApi.revokeDevice(device.id).finally(reload)}>
                      해지 · Revoke <span className="visually-hidden">{device.id}</span>
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {owner && <AddDevice onAdded={reload} />}
    </>
  );
}

function AddDevice({ onAdded }: { onAdded: () => void }) {
  const [form, setForm] = useState<NewDeviceRequest>({ id: '', kind: 'kiosk', name: '' });
  const [added, setAdded] = useState<NewDeviceResponse | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setAdded(await consoleApi.addDevice({ id: form.id, kind: form.kind, ...(form.name ? { name: form.name } : {}), ...(form.kind === 'camera' && form.kioskId ? { kioskId: form.kioskId } : {}) }));
      setProblem(null);
      onAdded();
    } catch (failure) {
      setProblem(problemText(failure));
    }
  };

  return (
    <section className="panel" aria-labelledby="add-device">
      <h2 id="add-device">기기 추가 · Pair a device</h2>
      <form className="inline-form" onSubmit={submit}>
        <label>
          아이디 · Id <input name="id" value={form.id} pattern="[A-Za-z0-9_\-]{1,64}" required onChange={(event) => setForm({ ...form, id: event.target.value })} />
        </label>
        <label>
          종류 · Kind
          <select name="kind" value={form.kind} onChange={(event) => setForm({ ...form, kind: event.target.value as NewDeviceRequest['kind'] })}>
            {Object.entries(KIND_TEXT).map(([kind, text]) => (
              <option key={kind} value={kind}>{text}</option>
            ))}
          </select>
        </label>
        <label>
          이름 · Name <input name="name" value={form.name ?? ''} onChange={(event) => setForm({ ...form, name: event.target.value })} />
        </label>
        {form.kind === 'camera' && (
          <label>
            보는 키오스크 · Its kiosk <input name="kioskId" value={form.kioskId ?? ''} pattern="[A-Za-z0-9_\-]{1,64}" required onChange={(event) => setForm({ ...form, kioskId: event.target.value })} />
          </label>
        )}
        <button type="submit" className="button">추가 · Add</button>
      </form>
      {problem && <p className="form-problem" role="alert">{problem}</p>}
      {added && (
        <div className="pairing" role="status">
          <p>
            <strong>{added.id}</strong>: 이 링크를 그 기기에서 여세요. 지금 한 번만 보여요. · Open this link on the device; it is shown only now.
          </p>
          <code className="pairing-link">{`${location.origin}${added.pairingLink}`}</code>
        </div>
      )}
    </section>
  );
}
