import { useState } from 'react';
import { kioskApi } from '../api/kiosk-api';
import { useKiosk } from '../state/kiosk-context';

type Props = { onReplay: () => void; cameraNotice: boolean };

/** On every screen: the mode switch, language, spoken replay and the staff call. */
export function Header({ onReplay, cameraNotice }: Props) {
  const { state, send, config, language, setLanguage, t } = useKiosk();
  const [staffNotice, setStaffNotice] = useState<string | null>(null);
  const easy = state.mode === 'easy';

  const callStaff = async () => {
    try {
      await kioskApi.callStaff({ screen: state.phase });
      setStaffNotice(t.header.staffCalled);
    } catch {
      setStaffNotice(t.header.staffCallFailed);
    }
  };

  return (
    <header className="kiosk-header">
      <p className="store-name">{config.storeName[language]}</p>
      <div className="header-actions">
        <button
          type="button"
          className="header-button mode-switch"
          aria-pressed={easy}
          onClick={() => send({ type: 'set_mode', mode: easy ? 'standard' : 'easy' })}
        >
          {easy ? t.header.toStandard : t.header.toEasy}
        </button>
        <button
          type="button"
          className="header-button"
          lang={t.header.otherLanguageCode}
          onClick={() => setLanguage(language === 'ko' ? 'en' : 'ko')}
        >
          {t.header.otherLanguage}
        </button>
        <button type="button" className="header-button" onClick={onReplay}>
          {t.header.replay}
        </button>
        <button type="button" className="header-button staff-call" onClick={callStaff}>
          {t.header.callStaff}
        </button>
      </div>
      {cameraNotice && <p className="camera-notice">{t.camera.notice(config.collection, config.retentionDays)}</p>}
      <p className="staff-notice" role="status">
        {staffNotice}
      </p>
    </header>
  );
}
