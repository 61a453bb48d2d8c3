/**
 * The MQTT topic contract (docs/mqtt.md): every topic the fleet uses is built here, by server,
 * kiosks and devices alike, so a topic cannot be misspelt in one place.
 */

/** Store, kiosk and model ids become topic levels: they must not hold MQTT's separators or wildcards. */
export const TOPIC_ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';
const topicId = new RegExp(TOPIC_ID_PATTERN);

export function isTopicId(value: string): boolean {
  return topicId.test(value);
}

export const topics = {
  /** Each camera decision of one kiosk: group and confidence, never an image. */
  kioskGroup: (storeId: string, kioskId: string) => `store/${storeId}/kiosk/${kioskId}/group`,
  /** online/offline, retained; the broker publishes offline as the kiosk's last will. */
  kioskStatus: (storeId: string, kioskId: string) => `store/${storeId}/kiosk/${kioskId}/status`,
  /** New orders and their status changes (paid → ready → picked_up). */
  orders: (storeId: string) => `store/${storeId}/orders`,
  /** Customers asking for help, and staff acknowledging it. */
  staffCalls: (storeId: string) => `store/${storeId}/staff-call`,
  /** Retained: the version of a model every kiosk should run. */
  modelActive: (model: string) => `models/${model}/active`,
} as const;

/** Whether a topic falls under a subscription filter (`+` one level, `#` the rest). */
export function topicMatches(filter: string, topic: string): boolean {
  const wanted = filter.split('/');
  const levels = topic.split('/');
  for (let index = 0; index < wanted.length; index += 1) {
    if (wanted[index] === '#') return true;
    if (index >= levels.length || (wanted[index] !== '+' && wanted[index] !== levels[index])) return false;
  }
  return wanted.length === levels.length;
}
