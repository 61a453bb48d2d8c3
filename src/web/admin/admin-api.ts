/**
 * The console's door to the server. The session rides in an HttpOnly cookie; every call carries
 * the console header the server asks of changes, so a page of another site cannot make them.
 */
import type {
  AdminDevice,
  AnalyticsResponse,
  AdminOrdersResponse,
  AuditLogResponse,
  OrderResponse,
  SalesReportResponse,
  SettleOrderRequest,
  AdminUserResponse,
  FlywheelCountsResponse,
  CategoryPatch,
  MenuItemPatch,
  MenuResponse,
  MoveRequest,
  NewCategoryRequest,
  NewMenuItemRequest,
  NewOptionGroupRequest,
  NewOptionValueRequest,
  OptionGroupPatch,
  ModelCurveResponse,
  ModelVersionResponse,
  ModelVersionsResponse,
  NewDeviceRequest,
  NewDeviceResponse,
  OptionValuePatch,
  ReviewQueueResponse,
  ReviewVerdictRequest,
  StaffCallListResponse,
  StoreSettings,
  StoreSettingsPatch,
  TrainingRunsResponse,
} from '../../contracts/http';
import type { NewPrinterRequest, PrinterListResponse, PrinterPatch, PrinterResponse, PrintJobListResponse, PrintJobResponse } from '../../contracts/printers';
import type { VoiceModelVersionResponse, VoiceModelVersionsResponse, VoicePhrasesResponse, VoiceRecordingListResponse, VoiceRecordingResponse, VoiceTrainingStatus } from '../../contracts/voice-recordings';

export class ConsoleApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A `Blob` (a picture, a recording) goes as itself with its own type; anything else as JSON. */
async function request<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
  const raw = body instanceof Blob;
  const contentType = raw ? body.type || 'application/octet-stream' : 'application/json';
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { 'x-neulbom-console': '1', ...(body === undefined ? {} : { 'content-type': contentType }) },
    ...(body === undefined ? {} : { body: raw ? body : JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const parsed = (await response.json().catch(() => ({}))) as { message?: string };
  if (!response.ok) throw new ConsoleApiError(response.status, parsed.message ?? response.statusText);
  return parsed as T;
}

export const consoleApi = {
  me: () => request<{ user: AdminUserResponse }>('/api/admin/me'),
  login: (username: string, password: string) => request<{ user: AdminUserResponse }>('/api/admin/login', 'POST', { username, password }),
  logout: () => request<void>('/api/admin/logout', 'POST'),
  menu: () => request<MenuResponse>('/api/menu'),
  updateItem: (id: string, patch: MenuItemPatch) => request<unknown>(`/api/admin/menu/items/${encodeURIComponent(id)}`, 'PATCH', patch),
  addItem: (item: NewMenuItemRequest) => request<MenuResponse['items'][number]>('/api/admin/menu/items', 'POST', item),
  deleteItem: (id: string) => request<void>(`/api/admin/menu/items/${encodeURIComponent(id)}`, 'DELETE'),
  moveItem: (id: string, direction: MoveRequest['direction']) => request<void>(`/api/admin/menu/items/${encodeURIComponent(id)}/move`, 'POST', { direction }),
  addCategory: (category: NewCategoryRequest) => request<unknown>('/api/admin/menu/categories', 'POST', category),
  renameCategory: (id: string, patch: CategoryPatch) => request<void>(`/api/admin/menu/categories/${encodeURIComponent(id)}`, 'PATCH', patch),
  deleteCategory: (id: string) => request<void>(`/api/admin/menu/categories/${encodeURIComponent(id)}`, 'DELETE'),
  moveCategory: (id: string, direction: MoveRequest['direction']) => request<void>(`/api/admin/menu/categories/${encodeURIComponent(id)}/move`, 'POST', { direction }),
  addOptionGroup: (group: NewOptionGroupRequest) => request<unknown>('/api/admin/menu/option-groups', 'POST', group),
  deleteOptionGroup: (id: string) => request<void>(`/api/admin/menu/option-groups/${encodeURIComponent(id)}`, 'DELETE'),
  renameOptionGroup: (id: string, patch: OptionGroupPatch) => request<unknown>(`/api/admin/menu/option-groups/${encodeURIComponent(id)}`, 'PATCH', patch),
  moveOptionGroup: (id: string, direction: MoveRequest['direction']) => request<void>(`/api/admin/menu/option-groups/${encodeURIComponent(id)}/move`, 'POST', { direction }),
  addOptionValue: (groupId: string, value: NewOptionValueRequest) => request<unknown>(`/api/admin/menu/option-groups/${encodeURIComponent(groupId)}/values`, 'POST', value),
  deleteOptionValue: (groupId: string, valueId: string) => request<void>(`/api/admin/menu/option-groups/${encodeURIComponent(groupId)}/values/${encodeURIComponent(valueId)}`, 'DELETE'),
  moveOptionValue: (groupId: string, valueId: string, direction: MoveRequest['direction']) =>
    request<void>(`/api/admin/menu/option-groups/${encodeURIComponent(groupId)}/values/${encodeURIComponent(valueId)}/move`, 'POST', { direction }),
  updateOption: (groupId: string, valueId: string, patch: OptionValuePatch) => request<void>(`/api/admin/menu/options/${encodeURIComponent(groupId)}/${encodeURIComponent(valueId)}`, 'PATCH', patch),
  /** The picture goes as itself; the server reads what it is from its bytes. */
  uploadPicture: (kind: 'items' | 'categories', id: string, file: File) => request<void>(`/api/admin/menu/${kind}/${encodeURIComponent(id)}/picture`, 'PUT', file),
  orders: (date?: string) => request<AdminOrdersResponse>(`/api/admin/orders${date ? `?date=${date}` : ''}`),
  settleOrder: (id: string, method: SettleOrderRequest['method']) => request<OrderResponse>(`/api/admin/orders/${encodeURIComponent(id)}/settle`, 'POST', { method }),
  cancelOrder: (id: string, reason: string) => request<OrderResponse>(`/api/admin/orders/${encodeURIComponent(id)}/cancel`, 'POST', { reason }),
  /** The day's close (today without dates), one day, or a period. */
  salesReport: (from?: string, to?: string) =>
    request<SalesReportResponse>(from && to && from !== to ? `/api/admin/reports/sales?from=${from}&to=${to}` : `/api/admin/reports/day${from || to ? `?date=${from || to}` : ''}`),
  printDayClose: (date: string) => request<PrintJobResponse[]>(`/api/admin/reports/day/print?date=${date}`, 'POST'),
  auditLog: () => request<AuditLogResponse>('/api/admin/audit'),
  analytics: (days: number) => request<AnalyticsResponse>(`/api/admin/analytics?days=${days}`),
  staffCalls: () => request<StaffCallListResponse>('/api/admin/staff-calls'),
  devices: () => request<{ devices: AdminDevice[] }>('/api/admin/devices'),
  addDevice: (device: NewDeviceRequest) => request<NewDeviceResponse>('/api/admin/devices', 'POST', device),
  revokeDevice: (id: string) => request<void>(`/api/admin/devices/${encodeURIComponent(id)}/revoke`, 'POST'),
  printers: () => request<PrinterListResponse>('/api/admin/printers'),
  addPrinter: (printer: NewPrinterRequest) => request<PrinterResponse>('/api/admin/printers', 'POST', printer),
  updatePrinter: (id: string, patch: PrinterPatch) => request<PrinterResponse>(`/api/admin/printers/${encodeURIComponent(id)}`, 'PATCH', patch),
  removePrinter: (id: string) => request<void>(`/api/admin/printers/${encodeURIComponent(id)}`, 'DELETE'),
  testPrint: (id: string) => request<PrintJobResponse>(`/api/admin/printers/${encodeURIComponent(id)}/test`, 'POST'),
  printJobs: () => request<PrintJobListResponse>('/api/admin/print-jobs'),
  reprint: (jobId: string) => request<PrintJobResponse>(`/api/admin/print-jobs/${encodeURIComponent(jobId)}/reprint`, 'POST'),
  printReceipt: (orderId: string) => request<PrintJobListResponse>(`/api/admin/orders/${encodeURIComponent(orderId)}/receipt`, 'POST'),
  printJobImageUrl: (jobId: string) => `/api/admin/print-jobs/${encodeURIComponent(jobId)}/image`,
  settings: () => request<StoreSettings>('/api/admin/settings'),
  updateSettings: (patch: StoreSettingsPatch) => request<StoreSettings>('/api/admin/settings', 'PATCH', patch),
  reviewQueue: (after: string | null) => request<ReviewQueueResponse>(`/api/admin/review${after ? `?after=${encodeURIComponent(after)}` : ''}`),
  review: (id: string, verdict: ReviewVerdictRequest['verdict']) => request<void>(`/api/admin/review/${encodeURIComponent(id)}`, 'POST', { verdict }),
  flywheelCounts: () => request<FlywheelCountsResponse>('/api/admin/flywheel/counts'),
  modelVersions: () => request<ModelVersionsResponse>('/api/admin/models/versions'),
  modelRuns: () => request<TrainingRunsResponse>('/api/admin/models/runs'),
  modelCurve: (version: string) => request<ModelCurveResponse>(`/api/admin/models/versions/${encodeURIComponent(version)}/curve`),
  trainNow: () => request<{ message: string }>('/api/admin/models/train', 'POST'),
  promoteModel: (version: string) => request<ModelVersionResponse>(`/api/admin/models/versions/${encodeURIComponent(version)}/promote`, 'POST'),
  rollbackModel: () => request<ModelVersionResponse>('/api/admin/models/rollback', 'POST'),
  voicePhrases: () => request<VoicePhrasesResponse>('/api/admin/voice/phrases'),
  voiceRecordings: () => request<VoiceRecordingListResponse>('/api/admin/voice/recordings'),
  /** Consent is asked for on the page; the server keeps the time it was given with the take. */
  addVoiceRecording: (speaker: string, phrase: string, wav: Blob) =>
    request<VoiceRecordingResponse>(`/api/admin/voice/recordings?${new URLSearchParams({ speaker, phrase, consent: 'yes' })}`, 'POST', wav),
  voiceRecordingAudioUrl: (id: string) => `/api/admin/voice/recordings/${encodeURIComponent(id)}/audio`,
  removeVoiceRecording: (id: string) => request<void>(`/api/admin/voice/recordings/${encodeURIComponent(id)}`, 'DELETE'),
  voiceTraining: () => request<VoiceTrainingStatus>('/api/admin/voice/training'),
  startVoiceTraining: () => request<VoiceTrainingStatus>('/api/admin/voice/training', 'POST'),
  voiceModels: () => request<VoiceModelVersionsResponse>('/api/admin/voice/models'),
  rollbackVoiceModel: () => request<{ active: VoiceModelVersionResponse | null }>('/api/admin/voice/models/rollback', 'POST'),
  activateVoiceModel: (version: string) => request<VoiceModelVersionResponse>(`/api/admin/voice/models/${encodeURIComponent(version)}/activate`, 'POST'),
  removeVoiceSpeaker: (speaker: string) => request<{ deleted: number }>(`/api/admin/voice/recordings?${new URLSearchParams({ speaker })}`, 'DELETE'),
};
