import { describe, expect, it } from 'vitest';
import { KEYPAD_MAP, keypadCommand } from './keypad-map';

describe('the keypad map', () => {
  it('has every command the criteria ask of a keypad', () => {
    expect(new Set(Object.values(KEYPAD_MAP))).toEqual(new Set(['next', 'previous', 'choose', 'back', 'home', 'help', 'cart', 'volumeUp', 'volumeDown', 'slower', 'faster', 'curtain']));
  });

  it('leaves Tab, Space and letters to their usual meaning', () => {
    for (const key of ['Tab', ' ', 'a', 'toString', 'constructor']) expect(keypadCommand(key)).toBeUndefined();
    expect(keypadCommand('Escape')).toBe('back');
    expect(keypadCommand('Backspace')).toBe('back');
  });
});
