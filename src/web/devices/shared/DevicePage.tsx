/** The frame every store device page shares: pairing, the page title and the live/offline line. */
import { useEffect, useState, type ReactNode } from 'react';
import type { DeviceKind } from '../../../iot/devices';
import { DeviceApiError, forgetPairing, openDeviceSession, pairedCredential, type DeviceSession } from '../../shared/device-session';
import { speakAs } from '../../shared/speech';
import type { FeedStatus } from './use-store-feed';

type Props = { title: string; kind: DeviceKind; children: (session: DeviceSession) => ReactNode };

export function DevicePage({ title, kind, children }: Props) {
  const [session, setSession] = useState<DeviceSession | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const credential = pairedCredential(kind);
    speakAs(() => credential);
    if (!credential) {
      setProblem('이 화면은 아직 연결되지 않았어요. 관리자에게 받은 연결 링크로 여세요. · Not paired yet: open this page with its pairing link.');
      return;
    }
    let retry: ReturnType<typeof setTimeout> | undefined;
    const open = () =>
      openDeviceSession(credential).then(
        (opened) => {
          if (opened.device.kind !== kind) setProblem(`이 링크는 ${opened.device.kind} 기기용이에요. · This link is for a ${opened.device.kind} device.`);
          else setSession(opened);
        },
        (error: unknown) => {
          if (error instanceof DeviceApiError && error.status === 401) {
            forgetPairing(kind);
            setProblem('연결이 해지되었어요. 새 연결 링크를 받으세요. · This device was revoked: ask for a new pairing link.');
          } else {
            setProblem('서버에 연결하는 중이에요… · Reaching the server…');
            retry = setTimeout(open, 3000);
          }
        },
      );
    void open();
    return () => clearTimeout(retry);
  }, [kind]);

  return (
    <div className="device">
      <header className="device-header">
        <h1>{title}</h1>
        {session && <span className="device-name">{session.device.name}</span>}
      </header>
      <main className="device-main">{session ? children(session) : <p className="device-problem" role="status">{problem ?? '…'}</p>}</main>
    </div>
  );
}

const STATUS_TEXT: Record<FeedStatus, string> = {
  connecting: '연결 중… · Connecting…',
  live: '실시간 연결됨 · Live',
  offline: '연결 끊김: 다시 연결하는 중 · Offline: reconnecting',
};

export function FeedStatusLine({ status }: { status: FeedStatus }) {
  return (
    <p className={`feed-status feed-${status}`} role="status" data-status={status}>
      {STATUS_TEXT[status]}
    </p>
  );
}
