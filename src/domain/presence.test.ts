import { describe, expect, it } from 'vitest';
import type { FaceGroup } from './customer-group';
import { IDLE, observe, vote, type FaceReading, type PresenceState } from './presence';

const probabilities = (group: FaceGroup, p: number): Record<FaceGroup, number> => {
  const rest = (1 - p) / 3;
  return { senior_male: rest, senior_female: rest, general_male: rest, general_female: rest, [group]: p };
};
const face = (group: FaceGroup, p = 0.9, share = 0.3): FaceReading => ({ faceWidthShare: share, probabilities: probabilities(group, p) });

function run(readings: [FaceReading, number][], from: PresenceState = IDLE) {
  let state = from;
  const events = [];
  for (const [reading, now] of readings) {
    const next = observe(state, reading, now);
    state = next.state;
    if (next.event) events.push(next.event);
  }
  return { state, events };
}

describe('presence', () => {
  it('decides once, after the face is steady for three frames, by voting their readings', () => {
    const { state, events } = run([[face('senior_female'), 0], [face('senior_female', 0.7), 200], [face('senior_female'), 400], [face('senior_female'), 600], [face('senior_female'), 800]]);
    expect(events).toEqual([{ type: 'decided', decision: { group: 'senior_female', confidence: expect.closeTo(0.833, 2), frames: 3 } }]);
    expect(state.phase).toBe('decided');
  });

  it('ignores faces too far away and starts the count again when the face breaks off', () => {
    expect(run([[face('senior_male', 0.9, 0.05), 0], [null, 100], [face('senior_male', 0.9, 0.05), 200]])).toEqual({ state: IDLE, events: [] });
    const interrupted = run([[face('senior_male'), 0], [face('senior_male'), 100], [null, 200], [face('senior_male'), 300], [face('senior_male'), 400]]);
    expect(interrupted.events).toEqual([]);
    expect(interrupted.state).toEqual({ phase: 'tracking', votes: [expect.anything(), expect.anything()] });
  });

  it('says unknown when the vote is not confident', () => {
    expect(vote([probabilities('general_male', 0.5), probabilities('senior_male', 0.5)], 0.6).group).toBe('unknown');
  });

  it('ends the session only after the face has been gone for a while', () => {
    const decided = run([[face('general_male'), 0], [face('general_male'), 100], [face('general_male'), 200]]);
    expect(decided.state.phase).toBe('decided');
    const brief = run([[null, 2000]], decided.state);
    expect(brief.state.phase).toBe('decided');
    const gone = run([[null, 5000]], decided.state);
    expect(gone).toEqual({ state: IDLE, events: [{ type: 'left' }] });
  });
});
