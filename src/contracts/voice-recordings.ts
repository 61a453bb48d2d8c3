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
