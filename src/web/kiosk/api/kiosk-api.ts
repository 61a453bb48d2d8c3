/** The kiosk's only door to the server. Errors carry the server's own clear message. */
import type { CameraDecisionRequest, DecisionOverrideRequest, KioskConfigResponse, MenuResponse, OrderRequest, OrderResponse, RecommendationsResponse, StaffCallRequest, StaffCallResponse } from '../../../contracts/http';
import { isRetryableStatus } from '../../../shared/retry';
import { pairedCredential } from '../../shared/device-session';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A paired kiosk calls as itself, by its credential; the server's own screen needs none. */
async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  const credential = pairedCredential('kiosk');
  if (credential) headers.set('authorization', `Bearer ${credential}`);
  const response = await fetch(path, { ...init, headers });
  const body = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!response.ok) throw new ApiError(response.status, body.error ?? 'http_error', body.message ?? response.statusText);
  return body as T;
}

/**
 * A failure that says nothing about the order itself: the server or the network is away (fetch
 * rejects, the request timed out) or answered that it is in trouble (5xx). The same order may be
 * sent again with its key; any other answer (4xx) would come back the same.
 */
export function isTransientFailure(error: unknown): boolean {
  return error instanceof ApiError ? isRetryableStatus(error.status) : true;
}

/** An order waits on the card terminal behind the server, so it may take as long as a customer at the reader. */
const ORDER_TIMEOUT_MS = 90_000;

/** A turn waits behind at most a few others on the server, each about a second. */
const TRANSCRIBE_TIMEOUT_MS = 15_000;

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

export const kioskApi = {
  menu: () => request<MenuResponse>('/api/menu'),
  config: () => request<KioskConfigResponse>('/api/config'),
  /** The same key on every retry of one payment: the server then stores the order once. */
  placeOrder: (order: OrderRequest, idempotencyKey: string) =>
    request<OrderResponse>('/api/orders', { ...json(order, { 'idempotency-key': idempotencyKey }), signal: AbortSignal.timeout(ORDER_TIMEOUT_MS) }),
  recommendations: (group: string, cart: string) =>
    request<RecommendationsResponse>(`/api/recommendations?group=${encodeURIComponent(group)}${cart ? `&cart=${encodeURIComponent(cart)}` : ''}`),
  callStaff: (call: StaffCallRequest) => request<StaffCallResponse>('/api/staff-calls', json(call)),
  staffCall: (id: string) => request<StaffCallResponse>(`/api/staff-calls/${encodeURIComponent(id)}`),
  /** One spoken turn as 16 kHz 16-bit PCM, dictated by the store's own server (VOICE_ENGINE=whisper). */
  transcribe: (pcm: ArrayBuffer) => request<{ text: string }>('/api/voice/transcribe', { method: 'POST', headers: { 'content-type': 'audio/pcm' }, body: pcm, signal: AbortSignal.timeout(TRANSCRIBE_TIMEOUT_MS) }),
  logDecision: (decision: CameraDecisionRequest) => request<{ id: string }>('/api/vision/decisions', json(decision)),
  overrideDecision: (id: string, override: DecisionOverrideRequest['override']) =>
    request<unknown>(`/api/vision/decisions/${encodeURIComponent(id)}/override`, json({ override })),
};

export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `kiosk-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
