/** The kinds of device in a store's fleet, each with its own credentials (docs/mqtt.md). */
export const DEVICE_KINDS = ['kiosk', 'kitchen', 'pickup', 'pager', 'camera'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** `kioskId`: a camera's kiosk, the one it reports decisions for (absent for other kinds). */
export type Device = { id: string; storeId: string; kind: DeviceKind; name: string; kioskId?: string };

/**
 * A device's credential as one string: `<device id>.<secret>`. The id is the MQTT username and the
 * whole string the MQTT password and the HTTP bearer token, so one value pairs a device.
 */
export function splitCredential(credential: string): { deviceId: string; secret: string } | null {
  const dot = credential.indexOf('.');
  if (dot < 1 || dot === credential.length - 1) return null;
  return { deviceId: credential.slice(0, dot), secret: credential.slice(dot + 1) };
}
