import { describe, expect, it } from 'vitest';
import { OFFLINE_NUMBER_PATTERN } from '../contracts/http';
import { callNumber, offlineNumber } from './call-number';

describe('call numbers', () => {
  it('calls an offline order by the kiosk number the customer was shown', () => {
    expect(callNumber({ orderNumber: 42 })).toBe('42');
    expect(callNumber({ orderNumber: 42, offlineNumber: 'K1-7' })).toBe('K1-7');
  });

  it('gives each kiosk its own prefix, in the form the server accepts', () => {
    expect(offlineNumber('kiosk-1', 7)).toBe('K1-7');
    expect(offlineNumber('kiosk-12', 1)).toBe('K12-1');
    expect(offlineNumber('front', 3)).toBe('KFRONT-3');
    expect(offlineNumber('kiosk-1', 10_000)).toBe('K1-1');
    for (const kioskId of ['kiosk-1', 'front', 'store-7-kiosk-12345678', 'x_y', '']) {
      expect(offlineNumber(kioskId, 9999)).toMatch(new RegExp(OFFLINE_NUMBER_PATTERN));
    }
  });
});
