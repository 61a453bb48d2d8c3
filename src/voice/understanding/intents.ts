/** What a customer said, as the kiosk acts on it. The contract of `kiosk voice parse` and every speech engine. */
export type Intent =
  | { type: 'add'; itemId: string; quantity: number; options: Record<string, string> }
  | { type: 'remove'; itemId: string }
  | { type: 'quantity'; quantity: number }
  | { type: 'option'; options: Record<string, string> }
  | { type: 'checkout' }
  | { type: 'dine_in' }
  | { type: 'takeout' }
  | { type: 'yes' }
  | { type: 'no' }
  | { type: 'restart' }
  | { type: 'call_staff' }
  | { type: 'repeat' }
  | { type: 'unknown' };

export type ParseResult = { intents: Intent[] };
