/**
 * A card terminal as the order service sees it. A real terminal driver (a VAN company's SDK over
 * serial or USB) implements the same interface and is chosen by the PAYMENT_TERMINAL setting.
 */
export type ChargeRequest = {
  amount: number;
  /** The order's idempotency key: a terminal asked twice for the same reference charges once. */
  reference: string;
  /** What the card reader reported; only the simulator reads it. */
  cardToken?: string;
};

export type ChargeResult =
  | { approved: true; approvalCode: string; method: 'card' }
  | { approved: false; reason: 'declined' | 'insufficient_funds' | 'terminal_error'; message: string };

export interface PaymentTerminal {
  readonly name: string;
  charge(request: ChargeRequest): Promise<ChargeResult>;
}
