/**
 * The kiosk keypad's map (docs/accessibility.md, "Keypad"). A keypad, USB or Bluetooth, sends
 * ordinary key events; each key that means something to the voice guide maps to one command.
 * Keys a sighted keyboard user needs (Tab, Space on a button) keep their usual meaning.
 */
export type KeypadCommand =
  | 'next'
  | 'previous'
  | 'choose'
  | 'back'
  | 'home'
  | 'help'
  | 'cart'
  | 'volumeUp'
  | 'volumeDown'
  | 'slower'
  | 'faster'
  | 'curtain';

export const KEYPAD_MAP: Readonly<Record<string, KeypadCommand>> = {
  ArrowDown: 'next',
  ArrowRight: 'next',
  ArrowUp: 'previous',
  ArrowLeft: 'previous',
  Enter: 'choose',
  Escape: 'back',
  Backspace: 'back',
  Home: 'home',
  F1: 'help',
  '*': 'help',
  F2: 'cart',
  '#': 'cart',
  '+': 'volumeUp',
  AudioVolumeUp: 'volumeUp',
  '-': 'volumeDown',
  AudioVolumeDown: 'volumeDown',
  F3: 'slower',
  F4: 'faster',
  F8: 'curtain',
};

export function keypadCommand(key: string): KeypadCommand | undefined {
  return Object.hasOwn(KEYPAD_MAP, key) ? KEYPAD_MAP[key] : undefined;
}
