import { randomUUID } from 'node:crypto';
import type { StaffCallRequest, StaffCallResponse } from '../../contracts/http';
import type { StaffCallRepository, StaffCallRow } from '../repositories/staff-call.repository';

export type StaffCallContext = { storeId: string; kioskId: string; now: () => Date };

/** A customer asked for help; the call is kept so the console and the staff pager can show it. */
export class StaffCallService {
  constructor(
    private readonly calls: StaffCallRepository,
    private readonly context: StaffCallContext,
  ) {}

  async call(request: StaffCallRequest): Promise<StaffCallResponse> {
    const row: StaffCallRow = {
      id: randomUUID(),
      store_id: this.context.storeId,
      kiosk_id: request.kioskId ?? this.context.kioskId,
      screen: request.screen ?? null,
      created_at: this.context.now().toISOString(),
      acknowledged_at: null,
    };
    await this.calls.insert(row);
    return toResponse(row);
  }
}

function toResponse(row: StaffCallRow): StaffCallResponse {
  return {
    id: row.id,
    kioskId: row.kiosk_id,
    screen: row.screen,
    createdAt: row.created_at,
    acknowledgedAt: row.acknowledged_at,
  };
}
