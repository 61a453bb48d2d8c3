/** The real simulated card terminal, noting each charge and refund it is asked for; a test can make it refuse refunds, as a terminal gone offline would. */
import type { ChargeRequest, RefundRequest, RefundResult } from '../server/payments/payment-terminal';
import { SimulatedCardTerminal } from '../server/payments/simulated-card-terminal';

export class CountingTerminal extends SimulatedCardTerminal {
  readonly charges: ChargeRequest[] = [];
  readonly refunds: RefundRequest[] = [];
  refusesRefunds = false;

  override charge(request: ChargeRequest) {
    this.charges.push(request);
    return super.charge(request);
  }

  override async refund(request: RefundRequest): Promise<RefundResult> {
    this.refunds.push(request);
    if (this.refusesRefunds) return { refunded: false, message: 'The terminal is not answering.' };
    return super.refund(request);
  }
}
