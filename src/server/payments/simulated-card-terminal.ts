import { createHash } from 'node:crypto';
import { SIMULATOR_CARDS } from '../../contracts/simulator-cards';
import type { ChargeRequest, ChargeResult, PaymentTerminal, RefundRequest, RefundResult } from './payment-terminal';

/** The card terminal a kiosk uses until a real one is attached: same answers, no money moves. */
export class SimulatedCardTerminal implements PaymentTerminal {
  readonly name = 'simulated';

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    if (request.cardToken === SIMULATOR_CARDS.declined) {
      return { approved: false, reason: 'declined', message: 'The card was declined.' };
    }
    if (request.cardToken === SIMULATOR_CARDS.insufficientFunds) {
      return { approved: false, reason: 'insufficient_funds', message: 'The card has insufficient funds.' };
    }
    // Derived from the reference, so a retried charge gets the same approval, as a real VAN would.
    return { approved: true, approvalCode: codeOf(request.reference), method: 'card' };
  }

  /** Refunds any charge it approved; the code is derived too, so a retried refund answers the same. */
  async refund(request: RefundRequest): Promise<RefundResult> {
    if (request.approvalCode !== codeOf(request.reference)) return { refunded: false, message: 'The terminal has no such charge to refund.' };
    return { refunded: true, refundCode: codeOf(`refund:${request.reference}`) };
  }
}

function codeOf(reference: string): string {
  return createHash('sha256').update(reference).digest('hex').slice(0, 8).toUpperCase();
}
