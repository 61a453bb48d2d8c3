/** The operator console: sign in, then one page per job, chosen in the side bar (kept in the address's #). */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { AdminUserResponse } from '../../contracts/http';
import { consoleApi } from './admin-api';
import { LoginPage } from './LoginPage';
import { useTableCellLabels } from './table-cell-labels';
import { AuditPage } from './pages/AuditPage';
import { DayClosePage } from './pages/DayClosePage';
import { DevicesPage } from './pages/DevicesPage';
import { MenuPage } from './pages/MenuPage';
import { OrdersPage } from './pages/OrdersPage';
import { PrintersPage } from './pages/PrintersPage';
import { ReviewPage } from './pages/ReviewPage';
import { SettingsPage } from './pages/SettingsPage';
import { StaffCallsPage } from './pages/StaffCallsPage';

// The charting library loads only with the analytics page.
const AnalyticsPage = lazy(() => import('./pages/AnalyticsPage').then((module) => ({ default: module.AnalyticsPage })));
// The voice page brings the WAV writer and the capture worklet.
const VoiceTrainingPage = lazy(() => import('./pages/VoiceTrainingPage').then((module) => ({ default: module.VoiceTrainingPage })));
const ModelsPage = lazy(() => import('./pages/ModelsPage').then((module) => ({ default: module.ModelsPage })));

const PAGES = {
  orders: { title: '주문 · Orders', Page: OrdersPage },
  close: { title: '마감 정산 · Day close', Page: DayClosePage },
  analytics: { title: '분석 · Analytics', Page: AnalyticsPage },
  menu: { title: '메뉴 · Menu', Page: MenuPage },
  calls: { title: '직원 호출 · Staff calls', Page: StaffCallsPage },
  audit: { title: '취소·결제 기록 · Audit log', Page: AuditPage },
  devices: { title: '키오스크와 기기 · Kiosks & devices', Page: DevicesPage },
  printers: { title: '프린터 · Printers', Page: PrintersPage },
  review: { title: '검토 · Review', Page: ReviewPage },
  models: { title: '모델 · Models', Page: ModelsPage },
  voice: { title: '음성 학습 · Voice training', Page: VoiceTrainingPage },
  settings: { title: '설정 · Settings', Page: SettingsPage },
} as const;
type PageName = keyof typeof PAGES;

const pageFromHash = (): PageName => (location.hash.slice(1) in PAGES ? (location.hash.slice(1) as PageName) : 'orders');

export function ConsoleApp() {
  const [user, setUser] = useState<AdminUserResponse | null | undefined>(undefined);
  const [page, setPage] = useState<PageName>(pageFromHash);
  const main = useRef<HTMLElement>(null);
  useTableCellLabels(main, Boolean(user));

  useEffect(() => {
    consoleApi.me().then(({ user: signedIn }) => setUser(signedIn), () => setUser(null));
    const follow = () => setPage(pageFromHash());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  if (user === undefined) return <p className="console-loading">…</p>;
  if (user === null) return <LoginPage onSignedIn={setUser} />;
  const { title, Page } = PAGES[page];
  return (
    <div className="console">
      <nav className="console-nav" aria-label="콘솔 메뉴 · Console">
        <p className="console-brand">늘봄 관리 콘솔</p>
        <ul>
          {(Object.keys(PAGES) as PageName[]).map((name) => (
            <li key={name}>
              <a href={`#${name}`} aria-current={name === page ? 'page' : undefined}>
                {PAGES[name].title}
              </a>
            </li>
          ))}
        </ul>
        <p className="console-user">
          {user.username} · {user.role === 'owner' ? '점주 · Owner' : '직원 · Staff'}
        </p>
        <button type="button" className="button secondary" onClick={() => void consoleApi.logout().finally(() => setUser(null))}>
          로그아웃 · Sign out
        </button>
      </nav>
      <main className="console-main" ref={main}>
        <h1>{title}</h1>
        <Suspense fallback={<p>…</p>}>
          <Page user={user} />
        </Suspense>
      </main>
    </div>
  );
}

export type PageProps = { user: AdminUserResponse };
