/** HTTP schemas of the console's voice training page (음성 학습, docs/voice.md). */
import { Type, type Static } from 'typebox';

export const VoicePhrasesResponse = Type.Object({
  phrases: Type.Array(Type.Object({ text: Type.String(), kind: Type.Enum(['item', 'option', 'quantity', 'command'] as const) })),
});
export type VoicePhrasesResponse = Static<typeof VoicePhrasesResponse>;

export const Speaker = Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' });

/** A take arrives as the WAV itself; who says what, and the consent, ride in the query. */
export const NewVoiceRecordingQuery = Type.Object({
  speaker: Speaker,
  phrase: Type.String({ minLength: 1, maxLength: 60 }),
  consent: Type.Literal('yes'),
});
export type NewVoiceRecordingQuery = Static<typeof NewVoiceRecordingQuery>;

export const VoiceRecordingResponse = Type.Object({
  id: Type.String(),
  speaker: Type.String(),
  phrase: Type.String(),
  durationMs: Type.Integer(),
  consentAt: Type.String(),
  createdAt: Type.String(),
});
export type VoiceRecordingResponse = Static<typeof VoiceRecordingResponse>;

export const VoiceRecordingListResponse = Type.Object({ recordings: Type.Array(VoiceRecordingResponse) });
export type VoiceRecordingListResponse = Static<typeof VoiceRecordingListResponse>;

const VoiceScores = Type.Object({ n: Type.Integer(), notOrders: Type.Integer(), intentAccuracy: Type.Number(), falseTriggerRate: Type.Union([Type.Number(), Type.Null()]) });
const VoiceJudgement = Type.Object({ store: VoiceScores, synthetic: VoiceScores });

const TrainingOutcome = Type.Object({
  promote: Type.Boolean(),
  recordings: Type.Object({ training: Type.Integer(), heldOut: Type.Integer() }),
  adapted: VoiceJudgement,
  current: VoiceJudgement,
});

/** The last 학습 시작: running, or how the adapted model did against the current one on held-out takes. */
export const VoiceTrainingStatus = Type.Object({
  state: Type.Enum(['idle', 'running', 'finished', 'failed'] as const),
  startedAt: Type.Union([Type.String(), Type.Null()]),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  /** Why it failed, or why the adapted model was (not) kept. */
  message: Type.Union([Type.String(), Type.Null()]),
  result: Type.Union([TrainingOutcome, Type.Null()]),
});
export type VoiceTrainingStatus = Static<typeof VoiceTrainingStatus>;
export type VoiceTrainingOutcome = Static<typeof TrainingOutcome>;

/** A voice model 음성 학습 kept, with the held-out judgement that let it in. */
export const VoiceModelVersionResponse = Type.Object({
  version: Type.String(),
  status: Type.Enum(['active', 'retired'] as const),
  createdAt: Type.String(),
  activatedAt: Type.Union([Type.String(), Type.Null()]),
  result: TrainingOutcome,
});
export type VoiceModelVersionResponse = Static<typeof VoiceModelVersionResponse>;

/** Newest first; none active: the kiosks load the shipped model. */
export const VoiceModelVersionsResponse = Type.Object({ versions: Type.Array(VoiceModelVersionResponse) });
export type VoiceModelVersionsResponse = Static<typeof VoiceModelVersionsResponse>;
