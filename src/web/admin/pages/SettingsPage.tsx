/** The store's settings: owners change them, staff see them. Every kiosk follows with its next customer. */
import { useEffect, useState, type FormEvent } from 'react';
import type { StoreSettings } from '../../../contracts/http';
import { consoleApi } from '../admin-api';
import type { PageProps } from '../ConsoleApp';
import { HoursFields } from './HoursFields';
import { problemText } from '../../shared/problem-text';

export function SettingsPage({ user }: PageProps) {
  const [settings, setSettings] = useState<StoreSettings | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    void consoleApi.settings().then(setSettings);
  }, []);
  if (!settings) return <p>…</p>;

  const set = <K extends keyof StoreSettings>(key: K, value: StoreSettings[K]) => setSettings({ ...settings, [key]: value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setSettings(await consoleApi.updateSettings(settings));
      setMessage({ ok: true, text: '저장했어요 · Saved' });
    } catch (failure) {
      setMessage({ ok: false, text: problemText(failure) });
    }
  };

  return (
    <form className="settings" onSubmit={submit}>
      <fieldset disabled={user.role !== 'owner'}>
        <legend>{user.role === 'owner' ? '매장 설정 · Store settings' : '매장 설정 (점주만 바꿀 수 있어요) · Store settings (owners change them)'}</legend>
        <HoursFields hours={settings} onChange={(patch) => setSettings({ ...settings, ...patch })} />
        <label className="settings-check">
          <input name="counterPayment" type="checkbox" checked={settings.counterPayment} onChange={(event) => set('counterPayment', event.target.checked)} />
          카운터에서 결제 받기 · Customers may pay at the counter
        </label>
        <label className="settings-check">
          <input name="staffMayCancel" type="checkbox" checked={settings.staffMayCancel} onChange={(event) => set('staffMayCancel', event.target.checked)} />
          직원도 주문 취소·환불 가능 · Staff may cancel and refund orders
        </label>
        <details className="settings-advanced">
          <summary>고급 · Advanced: 카메라와 학습 · camera and learning</summary>
          <label>
            카메라 · Camera
            <select name="cameraPolicy" value={settings.cameraPolicy} onChange={(event) => set('cameraPolicy', event.target.value as StoreSettings['cameraPolicy'])}>
              <option value="auto">자동으로 쉬운 화면 · Switch to easy mode</option>
              <option value="suggest">먼저 물어보기 · Ask first</option>
              <option value="off">끄기 · Off</option>
            </select>
          </label>
          <label>
            판단 최소 확신도 · Minimum confidence
            <input name="cameraMinConfidence" type="number" min={0.25} max={1} step={0.05} value={settings.cameraMinConfidence} onChange={(event) => set('cameraMinConfidence', Number(event.target.value))} />
          </label>
          <label>
            시니어 기준 나이 · Senior from age
            <input name="seniorAge" type="number" min={40} max={90} value={settings.seniorAge} onChange={(event) => set('seniorAge', Number(event.target.value))} />
          </label>
          <label>
            자동 라벨 기준 · Auto-label threshold
            <input name="autoLabelThreshold" type="number" min={0.5} max={1} step={0.01} value={settings.autoLabelThreshold} onChange={(event) => set('autoLabelThreshold', Number(event.target.value))} />
          </label>
          <label>
            수집 · Collection
            <select name="collection" value={settings.collection} onChange={(event) => set('collection', event.target.value as StoreSettings['collection'])}>
              <option value="off">수집 안 함 · Nothing</option>
              <option value="embeddings">판단과 얼굴 특징값 · Decisions and embeddings</option>
              <option value="images">얼굴 사진까지 · Face crops too</option>
            </select>
          </label>
          <label>
            보관 기간(일) · Retention (days)
            <input name="retentionDays" type="number" min={1} max={3650} value={settings.retentionDays} onChange={(event) => set('retentionDays', Number(event.target.value))} />
          </label>
          <label>
            재학습 주기(일) · Retrain every (days)
            <input name="retrainEveryDays" type="number" min={1} max={365} value={settings.retrainEveryDays} onChange={(event) => set('retrainEveryDays', Number(event.target.value))} />
          </label>
          <label>
            새 라벨 몇 개면 재학습 · Retrain after new labels
            <input name="retrainAfterNewLabels" type="number" min={1} max={1000000} value={settings.retrainAfterNewLabels} onChange={(event) => set('retrainAfterNewLabels', Number(event.target.value))} />
          </label>
          <p className="settings-note">
            수집은 카메라 판단마다 무엇을 남길지(키오스크 카메라 안내에도 나와요), 보관 기간은 그 기록을 언제 지울지, 자동 라벨 기준은 어떤 판단이 바로 학습
            데이터가 되고 어떤 판단이 검토로 갈지 정해요. 재학습은 영업시간이 끝난 뒤, 주기가 지났거나 새 라벨이 충분히 모이면 시작해요. · Collection sets
            what each camera decision keeps (the kiosk's camera notice says so), retention when it is deleted, and the auto-label threshold which decisions
            become training data at once and which go to Review. Retraining starts after closing time, once the period has passed or enough new labels arrived.
          </p>
        </details>
        <button type="submit" className="button">저장 · Save</button>
      </fieldset>
      {message && (
        <p className={message.ok ? 'form-ok' : 'form-problem'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
