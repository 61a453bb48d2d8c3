import { createHash } from 'node:crypto';
import { SIMULATOR_CARDS } from '../../contracts/simulator-cards';
import type { ChargeRequest, ChargeResult, PaymentTerminal } from './payment-terminal';

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
    const approvalCode = createHash('sha256').update(request.reference).digest('hex').slice(0, 8).toUpperCase();
    return { approved: true, approvalCode, method: 'card' };
  }
}
