/**
 * The customer's accessibility choices: voice guide, low screen, 200 % zoom, high contrast, the
 * privacy curtain, and the voice's volume and rate. They belong to one customer: the next one
 * starts with the defaults. Zoom and contrast are classes on <html>, so dialogs grow too.
 */
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { DEFAULT_SPEECH_RATE, DEFAULT_SPEECH_SETTINGS, setSpeechSettings } from '../../shared/speech';
import { useKiosk } from '../state/kiosk-context';

/** Volume and rate in ten steps each; the defaults are those of spoken guidance without the voice guide. */
export const LEVELS = 10;
const DEFAULT_VOLUME_LEVEL = Math.round(DEFAULT_SPEECH_SETTINGS.volume * LEVELS);
const RATE_STEP = 0.1;
const DEFAULT_RATE_LEVEL = 4;
const rateAt = (level: number) => DEFAULT_SPEECH_RATE + (level - DEFAULT_RATE_LEVEL) * RATE_STEP;

export type A11yChoices = {
  voiceGuide: boolean;
  lowReach: boolean;
  zoom: boolean;
  highContrast: boolean;
  curtain: boolean;
  volumeLevel: number;
  rateLevel: number;
  /** A key was pressed this visit: the camera then leaves the mode alone. */
  keypadUsed: boolean;
};

const DEFAULT_CHOICES: A11yChoices = {
  voiceGuide: false,
  lowReach: false,
  zoom: false,
  highContrast: false,
  curtain: false,
  volumeLevel: DEFAULT_VOLUME_LEVEL,
  rateLevel: DEFAULT_RATE_LEVEL,
  keypadUsed: false,
};

export type A11yToggle = 'voiceGuide' | 'lowReach' | 'zoom' | 'highContrast' | 'curtain';

export type A11yContextValue = A11yChoices & {
  toggle: (choice: A11yToggle) => void;
  change: (changes: Partial<A11yChoices>) => void;
  /** The next reset is this same customer starting over (the keypad's Home): keep their choices. */
  keepForStartOver: () => void;
};

const A11yContext = createContext<A11yContextValue | null>(null);

export const clampLevel = (level: number) => Math.min(LEVELS, Math.max(1, level));

export function A11yProvider({ children }: { children: ReactNode }) {
  const { state } = useKiosk();
  const [choices, setChoices] = useState(DEFAULT_CHOICES);
  const startingOver = useRef(false);

  const toggle = useCallback((choice: A11yToggle) => setChoices((current) => ({ ...current, [choice]: !current[choice] })), []);
  const change = useCallback((changes: Partial<A11yChoices>) => setChoices((current) => ({ ...current, ...changes })), []);
  const keepForStartOver = useCallback(() => {
    startingOver.current = true;
  }, []);

  // Back at the welcome screen after an order, a timeout or a tap on 처음으로: the next customer.
  // A start over that was asked and then declined is forgotten as soon as the order moves on.
  useEffect(() => {
    if (state.phase !== 'welcome') startingOver.current = false;
    else if (startingOver.current) startingOver.current = false;
    else setChoices(DEFAULT_CHOICES);
  }, [state.phase]);

  // Before any screen's effect speaks, so the words after a volume key already use the new volume.
  useLayoutEffect(() => {
    setSpeechSettings({ volume: choices.volumeLevel / LEVELS, rate: rateAt(choices.rateLevel) });
  }, [choices.volumeLevel, choices.rateLevel]);

  useEffect(() => {
    const root = document.documentElement.classList;
    root.toggle('zoom-200', choices.zoom);
    root.toggle('high-contrast', choices.highContrast);
  }, [choices.zoom, choices.highContrast]);

  const value = useMemo(() => ({ ...choices, toggle, change, keepForStartOver }), [choices, toggle, change, keepForStartOver]);
  return <A11yContext.Provider value={value}>{children}</A11yContext.Provider>;
}

export function useA11y(): A11yContextValue {
  const value = useContext(A11yContext);
  if (!value) throw new Error('useA11y must be used inside <A11yProvider>.');
  return value;
}
