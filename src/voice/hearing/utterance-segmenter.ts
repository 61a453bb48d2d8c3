/**
 * Voice-activity detection on frame levels: finds where someone speaks against the room's own
 * noise level (a running average of the frames that are not speech), with a little audio kept
 * before the start and a short hangover after the end. Streaming, so the browser decides while
 * the customer is still there.
 */
import { FRAME_SECONDS, type FrameFeatures } from './audio-frames';

export type Utterance = { frames: FrameFeatures[] };

const frames = (seconds: number) => Math.round(seconds / FRAME_SECONDS);
const DIGITAL_SILENCE_DB = -100;

export const SEGMENTER_SETTINGS = {
  /** dB above the noise floor that counts as speech to start, and to carry on. */
  startAboveFloor: 8,
  continueAboveFloor: 4,
  startFrames: 3,
  /** Silence that ends an utterance: short, because it is all waiting time for the customer. */
  endFrames: frames(0.25),
  preRollFrames: frames(0.12),
  postRollFrames: frames(0.06),
  minSpeechFrames: frames(0.15),
  maxFrames: frames(4),
  /** The room is listened to this long first: the noise level starts as its median level. */
  warmUpFrames: frames(0.2),
  /** How quickly the noise level follows the room (share of each quiet frame). */
  floorAdaptation: 0.05,
} as const;

export class UtteranceSegmenter {
  private floor: number | null = null;
  private warmUp: number[] = [];
  private recent: FrameFeatures[] = [];
  private speech: FrameFeatures[] | null = null;
  private loudRun = 0;
  private quietRun = 0;
  private voiced = 0;

  constructor(private readonly settings = SEGMENTER_SETTINGS) {}

  /** Feeds one frame; returns an utterance when one has just ended. */
  push(frame: FrameFeatures): Utterance | null {
    const s = this.settings;
    if (this.floor === null) {
      // Digital silence (a microphone still opening, a padded file) says nothing about the room;
      // one odd first frame must not set the level either, so the start is a median.
      if (frame.db >= DIGITAL_SILENCE_DB) this.warmUp.push(frame.db);
      if (this.warmUp.length < s.warmUpFrames) return null;
      this.floor = median(this.warmUp);
    }
    const floor = this.floor;
    if (this.speech) {
      this.speech.push(frame);
      const loud = frame.db > floor + s.continueAboveFloor;
      this.quietRun = loud ? 0 : this.quietRun + 1;
      if (loud) this.voiced += 1;
      if (this.quietRun >= s.endFrames) return this.finish();
      if (this.speech.length >= s.maxFrames) return this.relearnFloor();
      return null;
    }
    // Quiet frames teach the noise level; a frame that may be speech starting does not.
    if (frame.db < floor + s.startAboveFloor) this.floor = floor + (frame.db - floor) * s.floorAdaptation;
    this.recent.push(frame);
    if (this.recent.length > s.preRollFrames + s.startFrames) this.recent.shift();
    this.loudRun = frame.db > floor + s.startAboveFloor ? this.loudRun + 1 : 0;
    if (this.loudRun >= s.startFrames) {
      this.speech = [...this.recent];
      this.voiced = this.loudRun;
      this.quietRun = 0;
      this.recent = [];
    }
    return null;
  }

  /**
   * "Speech" longer than any phrase is the room, not a customer (a fan switched on, a level set
   * wrong at the start): take its typical level as the new noise level and drop it.
   */
  private relearnFloor(): null {
    this.floor = median(this.speech!.map((frame) => frame.db));
    this.speech = null;
    this.loudRun = 0;
    return null;
  }

  /** Ends what is being heard (end of a file, or the microphone closing). */
  flush(): Utterance | null {
    return this.speech ? this.finish() : null;
  }

  private finish(): Utterance | null {
    const s = this.settings;
    const heard = this.speech!;
    const speechEnd = heard.length - this.quietRun;
    this.speech = null;
    this.loudRun = 0;
    if (this.voiced < s.minSpeechFrames) return null;
    return { frames: heard.slice(0, Math.min(heard.length, speechEnd + s.postRollFrames)) };
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
