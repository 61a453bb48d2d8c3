import { describe, expect, it } from 'vitest';
import { initialKioskState, reduceKiosk, type KioskEvent, type KioskState } from '../../../domain/kiosk-flow';
import { demoMenu } from '../../../test-support/demo-menu';
import { MESSAGES } from '../i18n/i18n';
import { screenPrompt } from './prompts';

const menu = demoMenu();
const run = (events: KioskEvent[]) => events.reduce((state: KioskState, event) => reduceKiosk(state, event, menu), initialKioskState(menu));
const say = (state: KioskState) => screenPrompt(state, menu, MESSAGES.ko, 'ko');

describe('easy-mode prompts say where the customer stands', () => {
  it('say what is chosen now, and what is in the cart with the way to pay', () => {
    const colaInCart: KioskEvent[] = [{ type: 'start', mode: 'easy' }, { type: 'choose_item', itemId: 'cola' }, { type: 'add_draft' }, { type: 'browse' }];
    expect(say(run(colaInCart))).toBe('무엇을 드시겠어요? 종류를 고르고 메뉴를 눌러 주세요. 담은 메뉴 1개, 2,000원. 다 고르셨으면 주문할게요를 누르세요.');
    const asking = run([...colaInCart, { type: 'choose_item', itemId: 'kimchi-stew' }, { type: 'choose_option', groupId: 'spice', valueId: 'hot' }]);
    expect(say(asking)).toBe('맵기는 어떻게 할까요? 지금은 매운맛이에요. 담은 메뉴 1개, 2,000원. 다 고르셨으면 주문할게요를 누르세요.');
    const howMany = run([...colaInCart, { type: 'choose_item', itemId: 'gun-mandu' }, { type: 'set_draft_quantity', quantity: 3 }]);
    expect(say(howMany)).toContain('군만두, 몇 개 드릴까요? 지금 3개예요.');
    expect(say(run([...colaInCart, { type: 'checkout' }]))).toBe('어디에서 드시나요? 여기서 먹어요, 또는 포장해요를 눌러 주세요. 담은 메뉴 1개, 2,000원.');
  });

  it('leave the cart out while it is empty, and standard mode as it was', () => {
    expect(say(run([{ type: 'start', mode: 'easy' }]))).toBe('무엇을 드시겠어요? 종류를 고르고 메뉴를 눌러 주세요.');
    expect(say(run([{ type: 'start', mode: 'standard' }, { type: 'choose_item', itemId: 'cola' }, { type: 'add_draft' }]))).toBe('드시고 싶은 메뉴를 눌러 주세요.');
  });
});
