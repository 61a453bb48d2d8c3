/** The model card shipped beside the voice model: what it hears, how it was trained, how it does, and its limits. */
import fs from 'node:fs/promises';
import type { KeywordModelFile } from '../hearing/keyword-model';
import type { VoiceEvaluation } from './evaluate-recognizer';
import { HELD_OUT_VOICES } from './synthetic-voices';
import { HELD_OUT_SENTENCES } from './not-a-phrase';
import { HELD_OUT_CONDITIONS, type ConditionSet } from './recording-conditions';

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

/** The held-out results as table rows: intents, words, false triggers per screen. */
function evaluationRows(evaluation: VoiceEvaluation): string[] {
  return [
    `| recordings | ${evaluation.n} |`,
    `| intent accuracy | ${pct(evaluation.intentAccuracy)} |`,
    `| intent accuracy as the kiosk listens (each phrase among what its screen asks for) | ${evaluation.intentAccuracyOnScreen === null ? '–' : pct(evaluation.intentAccuracyOnScreen)} |`,
    `| word accuracy | ${pct(evaluation.wordAccuracy)} |`,
    ...(evaluation.falseTriggerRate === null
      ? []
      : [
          `| recordings that are not orders | ${evaluation.notOrders} |`,
          `| false triggers: a phrase acted on in a recording that is not an order, listening for everything | ${pct(evaluation.falseTriggerRate)} |`,
          ...Object.entries(evaluation.falseTriggerRateOnScreen ?? {}).map(([screen, rate]) => `| false triggers listening as the ${screen} screen does | ${pct(rate)} |`),
        ]),
  ];
}

function augmentationData(card: Record<string, unknown>): string[] {
  const conditions = card.conditions as ConditionSet | undefined;
  const spectral = card.spectral as { share: number; warp: [number, number]; maxSilencedBands: number; maxMaskedShare: number } | undefined;
  return [
    ...(conditions
      ? [
          `Recording conditions on every copy after the first (recording-conditions.ts): restaurant ambience (babble and dishes) under ${pct(conditions.ambienceShare)} of them at ${conditions.ambienceSnrDb.join('–')} dB SNR;`,
          `${pct(conditions.channelShare)} through a channel: speed ×${conditions.speeds.join('–')}, a simulated room in ${pct(conditions.rooms.share)} (RT60 ${conditions.rooms.rt60.join('–')} s), a microphone band`,
          `(${conditions.highpassHz.join('–')} Hz to ${conditions.lowpassHz.join('–')} Hz, tilt), level ${conditions.levelDb.join(' to ')} dB (clipping above full scale), codec ${[...new Set(conditions.codecs)].join(', ')}.`,
        ]
      : []),
    ...(spectral ? [`VTLP (warp ${spectral.warp.join('–')}) and SpecAugment-style masks (up to ${spectral.maxSilencedBands} mel bands, ${pct(spectral.maxMaskedShare)} of the frames) on ${pct(spectral.share)} of those copies.`] : []),
  ];
}

function convolutions(model: KeywordModelFile): string {
  const layers = model.front?.layers ?? [];
  if (layers.length === 0) return 'One ';
  const described = layers.map((layer) => `${layer.filters} filters ${layer.kernel} steps wide`).join(', then ');
  return `Convolutions over time (${described}; each with ReLU and the average of step pairs), then `;
}

function notAPhraseData(card: Record<string, unknown>): string[] {
  const data = card.notAPhrase as { clips: number; training: number; validation: number; kinds: string[]; sentences: number } | undefined;
  if (!data) return [];
  return [
    `Not phrases: ${data.clips} clips (${data.kinds.join(', ')}; espeak-ng reading ${data.sentences} everyday sentences, sox for the rest)`,
    `gave ${data.training} training and ${data.validation} validation utterances labelled "not a phrase".`,
  ];
}

/** `inConditions`: the held-out voices recorded in HELD_OUT_CONDITIONS; `store`: the store's held-out takes. */
export type VoiceCardResults = { heldOut: VoiceEvaluation; inConditions?: VoiceEvaluation; store?: VoiceEvaluation };

export async function writeVoiceModelCard(file: string, model: KeywordModelFile, { heldOut, inConditions, store }: VoiceCardResults): Promise<void> {
  const card = model.card;
  const utterances = card.utterances as { training: number; validation: number };
  const kinds = ['item', 'option', 'quantity', 'command'].map((kind) => `${model.phrases.filter((phrase) => phrase.kind === kind).length} ${kind}`).join(', ');
  const lines = [
    `# Offline voice model ${model.version}`,
    '',
    "Names which of the store's phrases a customer said: dishes and options with their aliases, quantities 1–10 with",
    `counters, and the kiosk's short answers (${model.phrases.length} phrases: ${kinds}). Made by \`npx kiosk voice train\``,
    'for the current menu; this file is written with the model. The kiosk narrows the choice to what the screen asks.',
    '',
    '## Inputs',
    `16 kHz audio, 32 ms frames every 16 ms, 13 MFCCs (meyda); an energy detector cuts out the utterance; its MFCC track`,
    `is resampled to 32 steps, normalised by its own mean and spread, plus its duration (${model.featureVersion}).`,
    `${convolutions(model)}one hidden ReLU layer of ${String(card.hidden)} units, softmax over the phrases${model.rejection ? ' and "not a phrase"' : ''}, temperature ${model.temperature}.`,
    model.rejection
      ? `The kiosk acts only on a phrase heard with confidence ≥ ${model.rejection.acceptAbove} (set so that at most ${pct(Number(card.falseTriggerTarget ?? 0))} of the validation sounds that are not phrases pass it); below it nothing changes, and a question is asked once more.`
      : 'No "not a phrase" output: whatever is loud enough is taken for the likeliest phrase.',
    '',
    '## Data',
    `Synthetic only: ${String(card.data)}.`,
    ...(card.adaptedFrom ? [`Adapted from model ${String(card.adaptedFrom)} (its weights the start; ${String(card.epochs)} epochs) on fresh renderings:`] : []),
    `${utterances.training} training and ${utterances.validation} validation utterances, from ${(card.trainingVariants as string[]).length} of espeak-ng's variants`,
    `and ${String(card.randomSpeakers)} random speakers; validation speakers (never trained on): ${(card.validationVariants as string[]).join(', ')}.`,
    ...notAPhraseData(card),
    ...augmentationData(card),
    '',
    '## Held-out test (voices training never heard)',
    `Variants ${HELD_OUT_VOICES.variants.join(', ')}; speeds ${HELD_OUT_VOICES.speeds.join(', ')}; pitches ${HELD_OUT_VOICES.pitches.join(', ')};`,
    `noise at ${HELD_OUT_VOICES.snrDb.join('–')} dB SNR. One recording per phrase, over the whole vocabulary (no narrowing by screen),`,
    `and recordings that are not orders (${HELD_OUT_SENTENCES.length} everyday sentences training never hears, babble, tones, clatter, coughs, noise) in the same voices:`,
    '',
    '| metric | value |',
    '| --- | --- |',
    ...evaluationRows(heldOut),
    `| end of speech → intent (p50) | ${heldOut.msEndOfSpeechToIntentP50} ms (of which ${heldOut.endOfSpeechPauseMs} ms is the pause that ends an utterance) |`,
    '',
    ...(inConditions
      ? [
          '## Held-out test in conditions training never uses',
          `The same kind of held-out set (other draws) recorded as \`kiosk voice testset --conditions\` does: rooms drawn apart (RT60 ${HELD_OUT_CONDITIONS.rooms.rt60.join('–')} s),`,
          `other microphone bands, levels ${HELD_OUT_CONDITIONS.levelDb.join(' to ')} dB, codecs training never uses (${HELD_OUT_CONDITIONS.codecs.filter((codec) => codec !== 'none').join(', ')}), and restaurant talk in held-out sentences`,
          'under the voice. The nearest thing here to the gap between synthetic and real speech, still not real speech.',
          '',
          '| metric | value |',
          '| --- | --- |',
          ...evaluationRows(inConditions),
          '',
        ]
      : []),
    ...(store
      ? [
          "## The store's own voices (held out: every third take of each phrase)",
          `Adapted from model ${String(card.adaptedFrom)} on ${String(card.storeExamples)} examples from the store's recordings (each take as recorded and with room noise).`,
          '',
          '| metric | value |',
          '| --- | --- |',
          `| held-out store recordings of phrases | ${store.n} |`,
          `| intent accuracy | ${pct(store.intentAccuracy)} |`,
          `| intent accuracy as the kiosk listens | ${store.intentAccuracyOnScreen === null ? '–' : pct(store.intentAccuracyOnScreen)} |`,
          ...(store.falseTriggerRate === null ? [] : [`| false triggers in held-out store talk that is not an order (${store.notOrders}) | ${pct(store.falseTriggerRate)} |`]),
          '',
        ]
      : []),
    '## Limits',
    "- Trained and tested on espeak-ng's synthetic Korean voice. Real people, older voices above all, sound different:",
    '  these numbers are not a measurement on real speech. Touch stays available on every screen for that reason.',
    '- Real speech, measured once on recordings the team cannot use (issue 28, before rejection was trained): a real "네"',
    '  heard right in 44 % as the kiosk listens, an order phrase heard in 64 % of real sentences that are not orders.',
    '  The store can teach it its own voices (docs/voice.md).',
    '- One phrase per utterance (the easy-mode dialog asks one thing at a time). Free sentences such as',
    '  "김치찌개 두 개랑 콜라 하나 주세요" need the browser engine (`VOICE_ENGINE=browser`).',
    '- A dish added to the menu is heard only after `npx kiosk voice train` (the parser knows it at once).',
    '',
  ];
  await fs.writeFile(file, lines.join('\n'));
}
