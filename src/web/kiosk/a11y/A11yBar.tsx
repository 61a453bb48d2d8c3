import { useA11y, type A11yToggle } from './a11y-context';
import { useKiosk } from '../state/kiosk-context';

/**
 * Always at the bottom of the screen, within a seated customer's reach: the voice guide, the low
 * screen, 200 % zoom and high contrast. Each button says whether it is on in words and by a mark,
 * not by colour alone.
 */
export function A11yBar() {
  const { t } = useKiosk();
  const a11y = useA11y();
  const toggles: { choice: A11yToggle; label: string; on: boolean }[] = [
    { choice: 'voiceGuide', label: t.a11y.voiceGuide, on: a11y.voiceGuide },
    { choice: 'lowReach', label: t.a11y.lowReach, on: a11y.lowReach },
    { choice: 'zoom', label: t.a11y.zoom, on: a11y.zoom },
    { choice: 'highContrast', label: t.a11y.highContrast, on: a11y.highContrast },
    ...(a11y.voiceGuide ? [{ choice: 'curtain' as const, label: t.a11y.curtain, on: a11y.curtain }] : []),
  ];
  return (
    <nav className="a11y-bar" aria-label={t.a11y.bar}>
      {toggles.map(({ choice, label, on }) => (
        <button key={choice} type="button" className={`a11y-toggle a11y-${choice}`} aria-pressed={on} onClick={() => a11y.toggle(choice)}>
          {label}
        </button>
      ))}
    </nav>
  );
}

/** The voice guide's privacy option: the screen goes dark while the guide speaks. */
export function PrivacyCurtain() {
  const { voiceGuide, curtain } = useA11y();
  return voiceGuide && curtain ? <div className="privacy-curtain" aria-hidden="true" /> : null;
}
