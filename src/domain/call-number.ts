/**
 * The number a customer is called by: the kiosk's own number for an order taken offline (it is what
 * their screen showed), otherwise the server's number of the day.
 */
export function callNumber(order: { orderNumber: number; offlineNumber?: string | undefined }): string {
  return order.offlineNumber ?? String(order.orderNumber);
}
