import { describe, expect, it } from 'vitest';
import { DecisionOverrides, LEFT_EASY_WITHIN_MS } from './decision-overrides';

describe('DecisionOverrides', () => {
  it('reads leaving easy mode soon after the camera switched to it as left_easy, once', () => {
    const overrides = new DecisionOverrides<string>();
    overrides.decided('d1', 'senior_female');
    overrides.switchedToEasy(1_000);
    expect(overrides.modeChanged('standard', 'easy', 1_000)).toBeNull();
    expect(overrides.modeChanged('easy', 'standard', 1_000 + LEFT_EASY_WITHIN_MS)).toEqual({ id: 'd1', override: 'left_easy' });
    expect(overrides.modeChanged('standard', 'easy', 30_000)).toBeNull();
    expect(overrides.modeChanged('easy', 'standard', 30_001)).toBeNull();
  });

  it('does not count leaving easy mode later, or without a switch by the camera', () => {
    const late = new DecisionOverrides<string>();
    late.decided('d1', 'senior_male');
    late.switchedToEasy(0);
    expect(late.modeChanged('easy', 'standard', LEFT_EASY_WITHIN_MS + 1)).toBeNull();
    const asked = new DecisionOverrides<string>();
    asked.decided('d2', 'senior_male');
    expect(asked.modeChanged('easy', 'standard', 10)).toBeNull();
  });

  it('reads choosing easy mode by hand after a general decision as chose_easy', () => {
    const overrides = new DecisionOverrides<string>();
    overrides.decided('d3', 'general_male');
    expect(overrides.modeChanged('standard', 'easy', 5_000)).toEqual({ id: 'd3', override: 'chose_easy' });
    const senior = new DecisionOverrides<string>();
    senior.decided('d4', 'senior_female');
    expect(senior.modeChanged('standard', 'easy', 5_000)).toBeNull();
  });

  it('forgets the decision when the customer leaves', () => {
    const overrides = new DecisionOverrides<string>();
    overrides.decided('d5', 'general_female');
    overrides.forget();
    expect(overrides.modeChanged('standard', 'easy', 1)).toBeNull();
  });
});
