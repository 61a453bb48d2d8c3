import { useCallback, useEffect, useState } from 'react';
import type { MenuResponse } from '../../contracts/http';
import { kioskApi } from './api/kiosk-api';
import { A11yProvider } from './a11y/a11y-context';
import { MESSAGES } from './i18n/i18n';
import { KioskShell } from './KioskShell';
import { KioskProvider, type KioskConfig } from './state/kiosk-context';

/** `unpaired`: the server will not take orders from this browser until staff pair it. */
type Loaded = { menu: MenuResponse; config: KioskConfig } | 'unpaired';

/** Menu and settings; the server says who this kiosk is (its pairing, or the server's own screen). */
async function loadKiosk(): Promise<Loaded> {
  const [menu, config] = await Promise.all([kioskApi.menu(), kioskApi.config()]);
  const { kioskId } = config;
  return kioskId === null ? 'unpaired' : { menu, config: { ...config, kioskId } };
}

/**
 * Loads the menu and settings, retrying while the server is away; a kiosk never shows a blank screen.
 * Between customers it loads them again, so a dish sold out or a setting changed in the console
 * reaches the next customer without a restart.
 */
export function App() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);
  const reload = useCallback(async () => {
    try {
      setLoaded(await loadKiosk());
    } catch {
      // The server is away: keep what the kiosk has; the order API says if a dish is gone.
    }
  }, []);

  useEffect(() => {
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout>;
    const load = async () => {
      try {
        const kiosk = await loadKiosk();
        if (!cancelled) setLoaded(kiosk);
      } catch {
        if (cancelled) return;
        setFailed(true);
        retry = setTimeout(load, 3000);
      }
    };
    void load();
    return () => {
      cancelled = true;
      clearTimeout(retry);
    };
  }, []);

  // Staff pair an unpaired kiosk by opening its link on this very page: only the hash changes.
  const unpaired = loaded === 'unpaired';
  useEffect(() => {
    if (!unpaired) return;
    const paired = () => void reload();
    window.addEventListener('hashchange', paired);
    return () => window.removeEventListener('hashchange', paired);
  }, [unpaired, reload]);

  if (loaded === 'unpaired') {
    return (
      <main className="kiosk-loading kiosk-unpaired">
        <h1>{MESSAGES.ko.loading.title}</h1>
        <p role="alert">{MESSAGES.ko.loading.unpaired}</p>
        <p className="kiosk-unpaired-staff">{MESSAGES.ko.loading.unpairedStaff}</p>
      </main>
    );
  }
  if (!loaded) {
    return (
      <main className="kiosk-loading" aria-busy={!failed}>
        <h1>{MESSAGES.ko.loading.title}</h1>
        <p role="status">{failed ? MESSAGES.ko.loading.waiting : MESSAGES.ko.loading.loading}</p>
      </main>
    );
  }
  return (
    <KioskProvider menu={loaded.menu} config={loaded.config}>
      <A11yProvider>
        <KioskShell onBetweenCustomers={reload} />
      </A11yProvider>
    </KioskProvider>
  );
}
