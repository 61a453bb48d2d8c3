/** Holds the kiosk session: the flow state from the domain, the menu, settings and language. Screens read it. */
import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useState, type ReactNode } from 'react';
import type { KioskConfigResponse } from '../../../contracts/http';
import { initialKioskState, reduceKiosk, type KioskEvent, type KioskState } from '../../../domain/kiosk-flow';
import type { Menu } from '../../../domain/menu';
import { MESSAGES, type Language } from '../i18n/i18n';
import type { Messages } from '../i18n/messages.ko';

/** The settings of a kiosk that may order: it knows who it is. */
export type KioskConfig = KioskConfigResponse & { kioskId: string };

export type KioskContextValue = {
  state: KioskState;
  send: (event: KioskEvent) => void;
  menu: Menu;
  config: KioskConfig;
  language: Language;
  setLanguage: (language: Language) => void;
  t: Messages;
};

const KioskContext = createContext<KioskContextValue | null>(null);

export function KioskProvider({ menu, config, children }: { menu: Menu; config: KioskConfig; children: ReactNode }) {
  const [state, dispatch] = useReducer((current: KioskState, event: KioskEvent) => reduceKiosk(current, event, menu), menu, initialKioskState);
  const [language, setLanguageState] = useState<Language>('ko');
  const send = useCallback((event: KioskEvent) => {
    // The next customer starts in Korean, whatever the last one chose.
    if (event.type === 'reset') setLanguageState('ko');
    dispatch(event);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(
    () => ({ state, send, menu, config, language, setLanguage: setLanguageState, t: MESSAGES[language] }),
    [state, send, menu, config, language],
  );
  return <KioskContext.Provider value={value}>{children}</KioskContext.Provider>;
}

export function useKiosk(): KioskContextValue {
  const value = useContext(KioskContext);
  if (!value) throw new Error('useKiosk must be used inside <KioskProvider>.');
  return value;
}
