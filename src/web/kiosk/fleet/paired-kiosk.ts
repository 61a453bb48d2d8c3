/** The id this kiosk was paired as, so its orders and staff calls name it; null when unpaired or unreachable. */
import { openDeviceSession, pairedCredential } from '../../shared/device-session';

export async function pairedKioskId(): Promise<string | null> {
  const credential = pairedCredential('kiosk');
  if (!credential) return null;
  try {
    const session = await openDeviceSession(credential);
    return session.device.kind === 'kiosk' ? session.device.id : null;
  } catch {
    return null;
  }
}
