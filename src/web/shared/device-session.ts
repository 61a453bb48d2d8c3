/**
 * A device page's identity. It is paired once by opening its link (`…#pair=<credential>`); the
 * credential is kept in this browser's storage and taken out of the address bar at once.
 */
import type { DeviceSessionResponse } from '../../contracts/http';
import type { DeviceKind } from '../../iot/devices';

/** One key per kind of page, so a kiosk and a kitchen display opened in one browser keep their own pairing. */
const storageKey = (kind: DeviceKind) => `neulbom.device-credential.${kind}`;

export class DeviceApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type DeviceSession = DeviceSessionResponse & {
  credential: string;
  /** Calls the API as this device. */
  request<T>(path: string, init?: RequestInit): Promise<T>;
};

/** The credential from the pairing link (saved) or from an earlier pairing; null when unpaired. */
export function pairedCredential(kind: DeviceKind): string | null {
  const pair = new URLSearchParams(location.hash.slice(1)).get('pair');
  if (pair) {
    localStorage.setItem(storageKey(kind), pair);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return localStorage.getItem(storageKey(kind));
}

export function forgetPairing(kind: DeviceKind): void {
  localStorage.removeItem(storageKey(kind));
}

export async function openDeviceSession(credential: string): Promise<DeviceSession> {
  const request = async <T,>(path: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(path, { ...init, headers: { ...init.headers, authorization: `Bearer ${credential}` } });
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    if (!response.ok) throw new DeviceApiError(response.status, body.message ?? response.statusText);
    return body as T;
  };
  const session = await request<DeviceSessionResponse>('/api/devices/me');
  return { ...session, credential, request };
}

/** The embedded broker is on this server's `/mqtt`; an external one is named by the server. */
export function brokerUrl(session: DeviceSession): string {
  return session.brokerWebSocketUrl ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/mqtt`;
}
