import { describe, expect, it } from 'vitest';
import { mayPublish, maySubscribe, type Principal } from './broker-access';

const device = (kind: 'kiosk' | 'kitchen' | 'pager' | 'camera', id = `${kind}-1`): Principal => ({ role: 'device', id, storeId: 'store-1', kind, name: id });

describe('broker access', () => {
  it('lets a kiosk publish only its own group and status', () => {
    const kiosk = device('kiosk');
    expect(mayPublish(kiosk, 'store/store-1/kiosk/kiosk-1/group')).toBe(true);
    expect(mayPublish(kiosk, 'store/store-1/kiosk/kiosk-1/status')).toBe(true);
    for (const topic of ['store/store-1/kiosk/kiosk-2/group', 'store/store-2/kiosk/kiosk-1/group', 'store/store-1/orders', 'models/group-head/active', 'store/store-1/kiosk/kiosk-1/group/x']) {
      expect(mayPublish(kiosk, topic), topic).toBe(false);
    }
  });

  it('lets store devices read their own store and publish nothing', () => {
    for (const kitchen of [device('kitchen'), device('pager')]) {
      expect(maySubscribe(kitchen, 'store/store-1/#')).toBe(true);
      expect(maySubscribe(kitchen, 'store/store-1/orders')).toBe(true);
      expect(maySubscribe(kitchen, 'store/store-1/kiosk/+/status')).toBe(true);
      for (const filter of ['#', '+/#', 'store/#', 'store/+/orders', 'store/store-2/#', 'store/store-1', 'models/+/active']) {
        expect(maySubscribe(kitchen, filter), filter).toBe(false);
      }
      expect(mayPublish(kitchen, 'store/store-1/orders')).toBe(false);
    }
  });

  it('lets kiosks follow model announcements and nothing else; cameras subscribe to nothing', () => {
    expect(maySubscribe(device('kiosk'), 'models/+/active')).toBe(true);
    expect(maySubscribe(device('kiosk'), 'models/group-head/active')).toBe(true);
    expect(maySubscribe(device('kiosk'), 'models/#')).toBe(false);
    expect(maySubscribe(device('kiosk'), 'store/store-1/#')).toBe(false);
    expect(maySubscribe(device('camera'), 'store/store-1/#')).toBe(false);
  });

  it('lets the server do everything', () => {
    expect(mayPublish({ role: 'server' }, 'store/store-9/orders')).toBe(true);
    expect(maySubscribe({ role: 'server' }, '#')).toBe(true);
  });
});
