/**
 * Who is at the kiosk, from a stream of per-frame face readings: idle → a face close enough and
 * steady for a few frames → several frames classified and voted → one decision → the face gone
 * for a while ends it. Pure: the caller passes each reading with its time.
 */
import { FACE_GROUPS, type FaceGroup } from './customer-group';

export type FaceReading = {
  /** Face width as a share of the frame width: how close the person stands. */
  faceWidthShare: number;
  probabilities: Record<FaceGroup, number>;
} | null;

export type PresenceSettings = {
  minFaceWidthShare: number;
  steadyFrames: number;
  voteFrames: number;
  /** Below this, the vote's winner is not trusted: the decision is unknown. */
  minConfidence: number;
  lostAfterMs: number;
};

export const DEFAULT_PRESENCE: PresenceSettings = { minFaceWidthShare: 0.12, steadyFrames: 2, voteFrames: 3, minConfidence: 0.6, lostAfterMs: 4000 };

export type PresenceDecision = { group: FaceGroup | 'unknown'; confidence: number; frames: number };

export type PresenceState =
  | { phase: 'idle' }
  | { phase: 'approaching'; steady: number; lastSeenAt: number }
  | { phase: 'classifying'; votes: Record<FaceGroup, number>[]; lastSeenAt: number }
  | { phase: 'decided'; decision: PresenceDecision; lastSeenAt: number };

export type PresenceEvent = { type: 'decided'; decision: PresenceDecision } | { type: 'left' } | null;

export const IDLE: PresenceState = { phase: 'idle' };

export function observe(state: PresenceState, reading: FaceReading, now: number, settings: PresenceSettings = DEFAULT_PRESENCE): { state: PresenceState; event: PresenceEvent } {
  const close = reading !== null && reading.faceWidthShare >= settings.minFaceWidthShare;
  if (!close) {
    if (state.phase === 'idle') return { state, event: null };
    if (now - state.lastSeenAt < settings.lostAfterMs) return { state, event: null };
    return { state: IDLE, event: state.phase === 'decided' ? { type: 'left' } : null };
  }
  switch (state.phase) {
    case 'idle':
      return advance({ phase: 'approaching', steady: 1, lastSeenAt: now }, settings);
    case 'approaching':
      return advance({ phase: 'approaching', steady: state.steady + 1, lastSeenAt: now }, settings);
    case 'classifying': {
      const votes = [...state.votes, reading.probabilities];
      if (votes.length < settings.voteFrames) return { state: { phase: 'classifying', votes, lastSeenAt: now }, event: null };
      const decision = vote(votes, settings.minConfidence);
      return { state: { phase: 'decided', decision, lastSeenAt: now }, event: { type: 'decided', decision } };
    }
    case 'decided':
      return { state: { ...state, lastSeenAt: now }, event: null };
  }
}

function advance(state: Extract<PresenceState, { phase: 'approaching' }>, settings: PresenceSettings) {
  if (state.steady < settings.steadyFrames) return { state, event: null };
  return { state: { phase: 'classifying', votes: [], lastSeenAt: state.lastSeenAt } as PresenceState, event: null };
}

/** Soft vote: average the frames' probabilities; the winner must be confident enough. */
export function vote(frames: readonly Record<FaceGroup, number>[], minConfidence: number): PresenceDecision {
  const mean = FACE_GROUPS.map((group) => frames.reduce((sum, frame) => sum + frame[group], 0) / frames.length);
  const best = mean.indexOf(Math.max(...mean));
  const confidence = mean[best]!;
  return { group: confidence >= minConfidence ? FACE_GROUPS[best]! : 'unknown', confidence, frames: frames.length };
}
