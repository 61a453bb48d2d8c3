/**
 * What the voice guide says about the page: the controls of the screen in the order the keypad
 * walks them, and one control's name, state and position ("메뉴 12개 중 3번째, 김치찌개, 9,000원,
 * 선택하려면 확인"). Read from the DOM, so every screen is described without code of its own.
 */
import type { Messages } from '../i18n/messages.ko';

const CONTROL = 'button, input:not([type="hidden"]), a[href], select, textarea';

/** The screen first, then its own actions, then what every screen has (header, accessibility bar). */
const REGIONS = ['.kiosk-main', '.camera-offer', '.voice-panel', '.nav-bar', '.kiosk-header', '.a11y-bar'];

/** Groups the guide counts within, with the name it says; others are named by their own label. */
const GROUPS = 'fieldset, [role="group"], [role="radiogroup"], nav, .item-grid, .cart-lines, .big-choices, .welcome-choices, .easy-answers, .header-actions, .dialog-actions';

function usable(element: HTMLElement): boolean {
  if ((element as HTMLButtonElement).disabled) return false;
  if (element.closest('[inert], [aria-hidden="true"]')) return false;
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
}

/** The open modal dialog, which holds the keypad until it closes. */
export function openDialog(root: ParentNode = document): HTMLDialogElement | null {
  return root.querySelector<HTMLDialogElement>('dialog[open]');
}

/** Every control the keypad can reach now, in walking order. */
export function controlsOf(kiosk: HTMLElement): HTMLElement[] {
  const dialog = openDialog(kiosk);
  if (dialog) return [...dialog.querySelectorAll<HTMLElement>(CONTROL)].filter(usable);
  const seen = new Set<HTMLElement>();
  const ordered: HTMLElement[] = [];
  for (const region of REGIONS) {
    for (const element of kiosk.querySelectorAll<HTMLElement>(`${region} ${CONTROL}`)) {
      if (!seen.has(element) && usable(element)) ordered.push(element);
      seen.add(element);
    }
  }
  return ordered;
}

/** Visible words of an element, without words in the other language or hidden ones, joined by commas. */
export function wordsOf(element: Element, lang: string): string {
  const parts: string[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent?.trim();
    if (!parent || !text) continue;
    const ownLang = parent.closest('[lang]')?.getAttribute('lang');
    if (ownLang && !ownLang.startsWith(lang)) continue;
    if (parent.closest('[aria-hidden="true"]')) continue;
    parts.push(text);
  }
  return parts.join(', ');
}

function labelledText(element: Element, lang: string): string {
  const ids = element.getAttribute('aria-labelledby');
  if (ids) return ids.split(' ').map((id) => wordsOf(document.getElementById(id) ?? document.createElement('span'), lang)).join(', ');
  return element.getAttribute('aria-label') ?? '';
}

function nameOf(element: HTMLElement, lang: string): string {
  const labelled = labelledText(element, lang);
  if (labelled) return labelled;
  const labelOrSelf = element.closest('label') ?? element;
  // A control named in the other language ("English") is said as it is written.
  return wordsOf(labelOrSelf, lang) || (labelOrSelf.textContent ?? '').trim();
}

function groupNameOf(group: Element, lang: string, t: Messages): string {
  if (group.matches('.item-grid')) return t.a11y.dishes;
  const legend = group.matches('fieldset') ? group.querySelector('legend') : null;
  return (legend ? wordsOf(legend, lang) : labelledText(group, lang)) || t.a11y.controls;
}

function stateOf(element: HTMLElement, t: Messages): string | null {
  if (element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox')) {
    return element.checked ? t.a11y.selected : t.a11y.chooseHint;
  }
  if (element.getAttribute('aria-pressed') === 'true') return t.a11y.selected;
  if (element.getAttribute('aria-pressed') === 'false') return `${t.a11y.notSelected}, ${t.a11y.chooseHint}`;
  return t.a11y.chooseHint;
}

/** "메뉴 12개 중 3번째, 김치찌개, 9,000원, 선택하려면 확인". */
export function describeControl(element: HTMLElement, controls: HTMLElement[], t: Messages): string {
  const lang = t.lang;
  const group = element.parentElement?.closest(GROUPS);
  const members = group ? controls.filter((control) => group.contains(control)) : controls;
  const position = t.a11y.position(group ? groupNameOf(group, lang, t) : t.a11y.controls, members.length, members.indexOf(element) + 1);
  return [position, nameOf(element, lang), stateOf(element, t)].filter(Boolean).join(', ');
}

/** The screen's (or open dialog's) title and how many choices it offers. */
export function describeScreen(kiosk: HTMLElement, t: Messages): string {
  const dialog = openDialog(kiosk);
  const scope: Element = dialog ?? kiosk.querySelector('.kiosk-main') ?? kiosk;
  const heading = dialog ? (labelledText(dialog, t.lang) || wordsOf(dialog.querySelector('h2, p') ?? dialog, t.lang)) : wordsOf(scope.querySelector('h1') ?? scope, t.lang);
  const choices = controlsOf(kiosk).filter((control) => scope.contains(control)).length;
  return t.a11y.screen(heading, choices);
}
