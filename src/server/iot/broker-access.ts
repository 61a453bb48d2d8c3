/**
 * Who may publish and subscribe where on the broker. A device sees only its own store; a kiosk
 * speaks only for itself; the server, which publishes orders and calls, may do everything.
 */
import type { Device } from '../../iot/devices';
import { topics } from '../../iot/topics';

export type Principal = { role: 'server' } | ({ role: 'device' } & Device);

export function mayPublish(principal: Principal, topic: string): boolean {
  if (principal.role === 'server') return true;
  if (principal.kind !== 'kiosk') return false;
  return topic === topics.kioskGroup(principal.storeId, principal.id) || topic === topics.kioskStatus(principal.storeId, principal.id);
}

export function maySubscribe(principal: Principal, filter: string): boolean {
  if (principal.role === 'server') return true;
  const levels = filter.split('/');
  if (principal.kind === 'kiosk') {
    // A kiosk follows which models to run, one model or all of them.
    return levels.length === 3 && levels[0] === 'models' && levels[2] === 'active' && !levels[1]!.includes('#');
  }
  if (principal.kind === 'camera') return false;
  // Kitchen display, pickup board, pager: anything inside their own store, named without wildcards.
  return levels.length >= 3 && levels[0] === 'store' && levels[1] === principal.storeId;
}
