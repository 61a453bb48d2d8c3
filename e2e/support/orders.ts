/** An order placed straight through the API, as a kiosk would place it, for tests about what happens next. */
import type { OrderResponse } from '../../src/contracts/http';
import type { TestServer } from '../../src/test-support/test-server';

export type OrderItem = { itemId: string; quantity: number; options?: Record<string, string> };

export async function placeOrder(server: TestServer, items: OrderItem[], diningOption: 'dine_in' | 'takeout' = 'dine_in'): Promise<OrderResponse> {
  const response = await fetch(`${server.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items, diningOption }) });
  if (response.status !== 201) throw new Error(`The order was refused: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as OrderResponse;
}
