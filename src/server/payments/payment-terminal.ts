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

/** Gives a charge back whole: the charge's reference and approval code, and its amount. */
export type RefundRequest = { reference: string; approvalCode: string; amount: number };

export type RefundResult = { refunded: true; refundCode: string } | { refunded: false; message: string };

export interface PaymentTerminal {
  readonly name: string;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /** Asked twice for the same reference, a terminal refunds once and answers the same code. */
  refund(request: RefundRequest): Promise<RefundResult>;
}
