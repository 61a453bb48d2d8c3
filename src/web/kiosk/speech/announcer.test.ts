import { describe, expect, it } from 'vitest';
import { Announcer, type Voice } from './announcer';

function recordingVoice() {
  const said: string[] = [];
  let stops = 0;
  const voice: Voice = { speak: (text) => said.push(text), stop: () => (stops += 1) };
  return { voice, said, stops: () => stops };
}

describe('Announcer', () => {
  it('keeps the latest message and speaks it only while speech is on', () => {
    const { voice, said, stops } = recordingVoice();
    const announcer = new Announcer(voice);
    announcer.announce('무엇을 드시겠어요?', 'ko-KR');
    expect(said).toEqual([]);
    expect(stops()).toBe(1);
    expect(announcer.latest()).toMatchObject({ text: '무엇을 드시겠어요?', lang: 'ko-KR', serial: 1 });
    announcer.speechOn = true;
    announcer.announce('카드가 승인되지 않았어요.', 'ko-KR');
    expect(said).toEqual(['카드가 승인되지 않았어요.']);
  });

  it('replays the latest message, an error included, even with speech off', () => {
    const { voice, said } = recordingVoice();
    const announcer = new Announcer(voice);
    announcer.replay();
    expect(said).toEqual([]);
    announcer.announce('결제할 금액은 9,000원이에요.', 'ko-KR');
    announcer.announce('카드가 승인되지 않았어요.', 'ko-KR');
    announcer.replay();
    expect(said).toEqual(['카드가 승인되지 않았어요.']);
  });

  it('speaks what must be heard with speech off, ignores empty words, and tells its listeners', () => {
    const { voice, said } = recordingVoice();
    const announcer = new Announcer(voice);
    let heard = 0;
    const stop = announcer.subscribe(() => (heard += 1));
    announcer.announce('아직 주문하고 계신가요?', 'ko-KR', { alwaysSpeak: true });
    announcer.announce('', 'ko-KR');
    stop();
    announcer.announce('어서 오세요.', 'ko-KR');
    expect(said).toEqual(['아직 주문하고 계신가요?']);
    expect(heard).toBe(1);
    expect(announcer.latest()?.text).toBe('어서 오세요.');
  });
});
