/**
 * Sends each camera decision to the store's decision log, with the face as far as the store collects
 * it, and the customer's override when they contradict it. Everything here may fail quietly: the
 * log must never stand in the way of an order.
 */
import type { PresenceDecision } from '../../../domain/presence';
import type { UiMode } from '../../../domain/order-rules';
import { kioskApi } from '../api/kiosk-api';
import { DecisionOverrides } from './decision-overrides';
import type { FaceSample } from './vision-messages';

export class DecisionLogger {
  /** Each decision's log id, once the server has answered (null if it never did). */
  private readonly overrides = new DecisionOverrides<Promise<string | null>>();

  decided(decision: PresenceDecision, modelVersion: string, latencyMs: number, sample: Promise<FaceSample>): void {
    const id = sample
      .then(({ features, crop }) =>
        kioskApi.logDecision({
          group: decision.group,
          confidence: decision.confidence,
          modelVersion,
          latencyMs: Math.round(latencyMs),
          ...(features ? { features } : {}),
          ...(crop ? { crop } : {}),
        }),
      )
      .then(({ id: logged }) => logged)
      .catch(() => null);
    this.overrides.decided(id, decision.group);
  }

  switchedToEasy(): void {
    this.overrides.switchedToEasy(Date.now());
  }

  modeChanged(from: UiMode, to: UiMode): void {
    const label = this.overrides.modeChanged(from, to, Date.now());
    if (!label) return;
    void label.id.then((id) => id && kioskApi.overrideDecision(id, label.override)).catch(() => undefined);
  }

  forget(): void {
    this.overrides.forget();
  }
}
