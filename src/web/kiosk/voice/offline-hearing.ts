/**
 * The offline recognizer in the page: the microphone's utterances (microphone-hearing.ts) → the
 * keyword model, narrowed to what the screen asks for. Nothing is recorded or sent. Loaded only
 * when the customer first asks to speak, so the first screen stays small.
 */
import { KeywordModel, type KeywordModelFile } from '../../../voice/hearing/keyword-model';
import { utteranceVector } from '../../../voice/hearing/utterance-vector';
import type { PhraseKind } from '../../../voice/hearing/vocabulary';
import { startMicrophoneHearing, type HearingSession } from './microphone-hearing';
import { announcedVoiceModel, followVoiceModel } from './voice-model-announcements';
import type { HeardSpeech } from './speech-listener';

let model: Promise<KeywordModel> | null = null;
/** The model in use; a newer one replaces it only once it has loaded (a failed load keeps this one). */
let loaded: KeywordModel | null = null;

function loadModel(): Promise<KeywordModel> {
  const wanted = announcedVoiceModel();
  if (model && loaded && wanted !== null && loaded.file.version !== wanted) model = null;
  model ??= fetch('/models/voice-keywords/model.json')
    .then((response) => {
      if (!response.ok) throw new Error(`voice model: HTTP ${response.status}`);
      return response.json() as Promise<KeywordModelFile>;
    })
    .then((file) => (loaded = new KeywordModel(file)))
    .catch((error: unknown) => {
      model = null;
      throw error;
    });
  return model;
}

// Once loaded, the store's next version is fetched as soon as it is announced, and heard with from
// the next utterance on: no reload, no lost customer (as the camera's group head).
followVoiceModel(() => {
  if (loaded) loadModel().catch(() => undefined);
});

export async function startHearing(
  allowedKinds: () => ReadonlySet<PhraseKind> | undefined,
  onHeard: (heard: HeardSpeech) => void,
  onEnd: (problem?: string) => void,
): Promise<HearingSession> {
  // Everything is ready before the microphone opens, so the first word is not lost while it loads.
  const keywords = await loadModel();
  return startMicrophoneHearing(
    ({ frames }) => {
      // A newer model is used at once only if it hears the same features as this conversation's frames.
      const newest = loaded?.frameSettings === keywords.frameSettings ? loaded : keywords;
      const heard = newest.recognize(utteranceVector(frames), allowedKinds());
      // Empty text: something was heard, but not one of the phrases (talk nearby, clatter).
      return heard ? { text: heard.text, sure: heard.sure } : { text: '', sure: false };
    },
    onHeard,
    onEnd,
    { frameSettings: keywords.frameSettings },
  );
}
