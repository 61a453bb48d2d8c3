import { CameraNotice } from '../camera/CameraNotice';
import { useKiosk } from '../state/kiosk-context';

type Props = { onReplay: () => void; onCallStaff: () => void; staffNotice: string | null; cameraNotice: boolean };

/** On every screen: the mode switch, language, spoken replay and the staff call, with where that call stands. */
export function Header({ onReplay, onCallStaff, staffNotice, cameraNotice }: Props) {
  const { state, send, config, language, setLanguage, t } = useKiosk();
  const easy = state.mode === 'easy';
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
        <button type="button" className="header-button staff-call" onClick={onCallStaff}>
          {t.header.callStaff}
        </button>
      </div>
      {cameraNotice && <CameraNotice />}
      {/* Not a live region: the announcer already says it; this line keeps it in view. */}
      {staffNotice && <p className="staff-notice">{staffNotice}</p>}
    </header>
  );
}
