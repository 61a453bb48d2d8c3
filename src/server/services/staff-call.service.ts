import { randomUUID } from 'node:crypto';
import type { StaffCallRequest, StaffCallResponse } from '../../contracts/http';
import { AppError, notFound } from '../errors';
import type { StaffCallRepository, StaffCallRow } from '../repositories/staff-call.repository';

export type StaffCallContext = { storeId: string; now: () => Date };

/** Who hears of calls once they are stored: the staff pager, over MQTT. */
export type StaffCallEvents = { staffCall(event: 'created' | 'acknowledged', call: StaffCallResponse): void };

/** A customer asked for help; the call is kept for the pager and the console until staff answer it. */
export class StaffCallService {
  constructor(
    private readonly calls: StaffCallRepository,
    private readonly context: StaffCallContext,
    private readonly events: StaffCallEvents,
  ) {}

  async call(request: StaffCallRequest, kioskId: string): Promise<StaffCallResponse> {
    const row: StaffCallRow = {
      id: randomUUID(),
      store_id: this.context.storeId,
      kiosk_id: kioskId,
      screen: request.screen ?? null,
      refused_offline_number: request.refusedOfflineNumber ?? null,
      created_at: this.context.now().toISOString(),
      acknowledged_at: null,
    };
    await this.calls.insert(row);
    const call = toResponse(row);
    this.events.staffCall('created', call);
    return call;
  }

  /** Calls nobody has answered yet, oldest first. */
  async open(storeId: string): Promise<StaffCallResponse[]> {
    return (await this.calls.findOpen(storeId)).map(toResponse);
  }

  /** The latest calls, answered or not, newest first, for the console. */
  async recent(storeId: string, limit = 50): Promise<StaffCallResponse[]> {
    return (await this.calls.findRecent(storeId, limit)).map(toResponse);
  }

  /** One call, for the kiosk that made it: it shows the customer when staff have answered. */
  async forKiosk(id: string, kioskId: string): Promise<StaffCallResponse> {
    const row = await this.calls.findById(id);
    if (!row || row.kiosk_id !== kioskId) throw notFound(`Staff call ${id}`);
    return toResponse(row);
  }

  async acknowledge(id: string, storeId: string): Promise<StaffCallResponse> {
    const row = await this.calls.findById(id);
    if (!row || row.store_id !== storeId) throw notFound(`Staff call ${id}`);
    const at = this.context.now().toISOString();
    if (!(await this.calls.acknowledge(id, at))) throw new AppError(409, 'already_acknowledged', 'Someone has already answered this call.');
    const call = toResponse({ ...row, acknowledged_at: at });
    this.events.staffCall('acknowledged', call);
    return call;
  }
}

function toResponse(row: StaffCallRow): StaffCallResponse {
  return {
    id: row.id,
    kioskId: row.kiosk_id,
    screen: row.screen,
    refusedOfflineNumber: row.refused_offline_number,
    createdAt: row.created_at,
    acknowledgedAt: row.acknowledged_at,
  };
}
