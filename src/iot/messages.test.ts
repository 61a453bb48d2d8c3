import { describe, expect, it } from 'vitest';
import { encodeMessage, GroupMessage, MessageError, parseMessage } from './messages';
import { isTopicId, topicMatches, topics } from './topics';

const decision = { v: 1, kioskId: 'kiosk-1', group: 'senior_female', confidence: 0.91, modelVersion: 'group-head-2026-11-27', decidedAt: '2026-11-29T01:02:03.000Z' } as const;

describe('fleet messages', () => {
  it('round-trips a valid message', () => {
    expect(parseMessage(GroupMessage, encodeMessage(GroupMessage, decision))).toEqual(decision);
    expect(parseMessage(GroupMessage, new TextEncoder().encode(JSON.stringify(decision)))).toEqual(decision);
  });

  it('refuses what breaks the contract, saying why', () => {
    expect(() => parseMessage(GroupMessage, 'not json')).toThrow(new MessageError('The message is not JSON.'));
    expect(() => parseMessage(GroupMessage, JSON.stringify({ ...decision, v: 2 }))).toThrow(/\/v/);
    expect(() => parseMessage(GroupMessage, JSON.stringify({ ...decision, confidence: 1.5 }))).toThrow(/confidence/);
    expect(() => parseMessage(GroupMessage, JSON.stringify({ ...decision, group: 'teenager' }))).toThrow(/group/);
    expect(() => parseMessage(GroupMessage, JSON.stringify({ ...decision, decidedAt: 'yesterday' }))).toThrow(/decidedAt/);
    expect(() => encodeMessage(GroupMessage, { ...decision, confidence: -1 })).toThrow(MessageError);
  });

  it('builds topics from ids that cannot inject levels or wildcards', () => {
    expect(topics.kioskGroup('store-1', 'kiosk-1')).toBe('store/store-1/kiosk/kiosk-1/group');
    for (const bad of ['a/b', '+', '#', '', 'x'.repeat(65), 'a b']) expect(isTopicId(bad), bad).toBe(false);
    expect(isTopicId('kitchen_1-A')).toBe(true);
  });

  it('matches topics against filters with + and #', () => {
    expect(topicMatches('store/+/kiosk/+/status', 'store/s1/kiosk/k1/status')).toBe(true);
    expect(topicMatches('store/+/kiosk/+/status', 'store/s1/kiosk/k1/group')).toBe(false);
    expect(topicMatches('store/s1/#', 'store/s1/orders')).toBe(true);
    expect(topicMatches('store/s1/#', 'store/s2/orders')).toBe(false);
    expect(topicMatches('store/+', 'store/s1/orders')).toBe(false);
    expect(topicMatches('store/s1/orders', 'store/s1/orders')).toBe(true);
  });
});
