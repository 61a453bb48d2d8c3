/**
 * Who is at the kiosk, from a stream of per-frame face readings: idle → a face close enough in
 * several frames in a row, whose readings are voted → one decision → the face gone for a while
 * ends it. Pure: the caller passes each reading with its time.
 */
import { FACE_GROUPS, type FaceGroup } from './customer-group';

export type FaceReading = {
  /** Face width as a share of the frame width: how close the person stands. */
  faceWidthShare: number;
  probabilities: Record<FaceGroup, number>;
} | null;

export type PresenceSettings = {
  minFaceWidthShare: number;
  /** Consecutive close frames needed: they show the face is steady, and their readings are the vote. */
  voteFrames: number;
  /** Below this, the vote's winner is not trusted: the decision is unknown. */
  minConfidence: number;
  lostAfterMs: number;
};

export const DEFAULT_PRESENCE: PresenceSettings = { minFaceWidthShare: 0.12, voteFrames: 3, minConfidence: 0.6, lostAfterMs: 4000 };

export type PresenceDecision = { group: FaceGroup | 'unknown'; confidence: number; frames: number };

export type PresenceState =
  | { phase: 'idle' }
  | { phase: 'tracking'; votes: Record<FaceGroup, number>[] }
  | { phase: 'decided'; decision: PresenceDecision; lastSeenAt: number };

export type PresenceEvent = { type: 'decided'; decision: PresenceDecision } | { type: 'left' } | null;

export const IDLE: PresenceState = { phase: 'idle' };

export function observe(state: PresenceState, reading: FaceReading, now: number, settings: PresenceSettings = DEFAULT_PRESENCE): { state: PresenceState; event: PresenceEvent } {
  const close = reading !== null && reading.faceWidthShare >= settings.minFaceWidthShare;
  if (state.phase === 'decided') {
    if (close) return { state: { ...state, lastSeenAt: now }, event: null };
    if (now - state.lastSeenAt < settings.lostAfterMs) return { state, event: null };
    return { state: IDLE, event: { type: 'left' } };
  }
  // Before a decision, a break in the face (turned away, walked past) starts the count again.
  if (!close) return { state: IDLE, event: null };
  const votes = [...(state.phase === 'tracking' ? state.votes : []), reading.probabilities];
  if (votes.length < settings.voteFrames) return { state: { phase: 'tracking', votes }, event: null };
  const decision = vote(votes, settings.minConfidence);
  return { state: { phase: 'decided', decision, lastSeenAt: now }, event: { type: 'decided', decision } };
}

/** Soft vote: average the frames' probabilities; the winner must be confident enough. */
export function vote(frames: readonly Record<FaceGroup, number>[], minConfidence: number): PresenceDecision {
  const mean = FACE_GROUPS.map((group) => frames.reduce((sum, frame) => sum + frame[group], 0) / frames.length);
  const best = mean.indexOf(Math.max(...mean));
  const confidence = mean[best]!;
  return { group: confidence >= minConfidence ? FACE_GROUPS[best]! : 'unknown', confidence, frames: frames.length };
}
