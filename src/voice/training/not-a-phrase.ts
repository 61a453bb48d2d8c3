/**
 * What the recognizer must learn to ignore while the microphone is open: people talking near the
 * kiosk (espeak-ng reading everyday sentences that are not orders, alone or several at once as
 * babble), music-like tones, dishes clattering, coughs and bursts of noise (made by sox). Training
 * and the held-out test draw from different sentences and voices, so the false-trigger rate is
 * measured on talk the recognizer never heard.
 */
import { SAMPLE_RATE } from '../hearing/audio-frames';
import { pickOne } from '../../shared/seeded-random';
import { PAD_SECONDS, soxSound, synthesize } from './speech-synthesis';
import { randomRecording, type Recording, type VoiceSetting } from './synthetic-voices';

export type NotAPhraseKind = 'sentence' | 'babble' | 'tones' | 'clatter' | 'cough' | 'noise';
export const NOT_A_PHRASE_KINDS: readonly NotAPhraseKind[] = ['sentence', 'sentence', 'babble', 'tones', 'clatter', 'cough', 'noise'];

/** The label text in labels.csv for a recording that is not an order: any phrase heard in it is a false trigger. */
export const NOT_AN_ORDER_LABEL = '-';

/** Recordings that are not orders in a held-out test set made by `kiosk voice train` or `testset`. */
export const HELD_OUT_NOT_ORDERS = 105;

/** Everyday talk heard in a restaurant, none of it an order; short ones too, as they are the hardest. */
export const TRAINING_SENTENCES = [
  '오늘 날씨가 정말 좋네요', '어제 뉴스 봤어?', '아 진짜?', '그래서 어떻게 됐어', '엄마한테 전화해 봐', '우리 애가 이번에 학교에 들어갔어요',
  '버스가 너무 늦게 와서 혼났어', '주말에 뭐 할 거야', '허리가 좀 아파서 병원에 다녀왔어요', '이따가 시장에 들러야 해',
  '손 씻고 올게', '여기 자리 있어요?', '휴대폰 배터리가 다 됐네', '내일 비 온대', '그 드라마 끝났어?', '아이고 힘들다',
  '저기 창가에 앉자', '차 어디에 댔어?', '다음 주에 손주가 온대요', '요즘 물가가 너무 올랐어', '잠깐만 기다려 봐', '어머 오랜만이에요',
  '회사에서 회의가 길어졌어', '강아지 산책시켜야 하는데', '이거 누구 가방이야?', '어디서 만나기로 했지?', '글쎄 잘 모르겠네',
  '화장실이 어디예요?', '아까 그 사람 누구야', '생일 축하해', '시간 참 빠르다', '그럼 다음에 또 봐요', '무릎이 시려서 못 걷겠어',
  '텔레비전 소리 좀 줄여 줘', '지하철 타고 왔어요', '오늘 몇 시에 끝나?', '선생님이 그러시더라', '아 맞다 깜빡했네', '그건 좀 아닌 것 같아',
  '어르신 이쪽으로 오세요', '문 좀 닫아 줄래?', '봄이라 꽃이 많이 폈네', '우산 챙겼어?', '하하 그거 재밌다', '조용히 좀 해',
];

export const HELD_OUT_SENTENCES = [
  '올해 김장은 언제 할까', '손녀가 대학에 붙었대요', '이번 정류장은 시청입니다', '아이 추워', '그 얘기는 나중에 하자', '병원 예약이 몇 시였지',
  '택시 불렀어?', '여기 처음 와 봤어요', '안경을 어디 뒀더라', '오늘 장사 잘 되네', '저 사람 어디서 봤는데', '아휴 배부르다',
  '계단이 너무 가파르네', '날이 많이 풀렸어요', '그 집 아들 결혼한대', '어머나 세상에', '전화 좀 받아 봐', '다리가 저리네',
  '비밀번호가 생각이 안 나', '천천히 드세요',
];

type Draw = { random: () => number; voices: Parameters<typeof randomRecording>[0]; variants: readonly string[]; sentences: readonly string[]; dataPath?: string };

/** One clip of something that is not an order, with the room noise to put under it. */
export async function notAPhrase(kind: NotAPhraseKind, draw: Draw): Promise<{ samples: Float32Array; recording: Recording }> {
  const { random } = draw;
  const recording = randomRecording(draw.voices, random, draw.variants);
  const pick = <T>(values: readonly T[]): T => pickOne(values, random);
  const say = (voice: VoiceSetting) => synthesize(pick(draw.sentences), voice, draw.dataPath);
  switch (kind) {
    case 'sentence':
      return { samples: await say(recording.voice), recording };
    case 'babble': {
      // Two to four people talking at once, each starting a little later.
      const talkers = await Promise.all(Array.from({ length: 2 + Math.floor(random() * 3) }, () => say(randomRecording(draw.voices, random, draw.variants).voice)));
      return { samples: mix(talkers.map((samples) => ({ samples, at: random() * 0.6, gain: 0.4 + random() * 0.6 }))), recording };
    }
    case 'tones': {
      const shape = pick(['sine', 'square', 'triangle', 'pluck', 'sawtooth']);
      const notes = await Promise.all(Array.from({ length: 3 + Math.floor(random() * 6) }, () => {
        const seconds = (0.12 + random() * 0.35).toFixed(2);
        return soxSound(['synth', seconds, shape, String(Math.round(110 * 2 ** (random() * 4))), 'fade', 'q', '0.01', seconds, '0.05', 'vol', '0.3']);
      }));
      return { samples: padded(concat(notes)), recording };
    }
    case 'clatter': {
      // Cutlery and dishes: short bright hits, some ringing.
      const hits = await Promise.all(Array.from({ length: 2 + Math.floor(random() * 6) }, () =>
        random() < 0.5
          ? soxSound([...noise('whitenoise', '0.06', random), 'band', String(Math.round(2000 + random() * 3000)), '1500', 'fade', 'q', '0.001', '0.06', '0.05', 'vol', '0.5'])
          : soxSound(['synth', '0.3', 'pluck', String(Math.round(1200 + random() * 2000)), 'fade', 'q', '0.001', '0.3', '0.28', 'vol', '0.4']),
      ));
      return { samples: padded(mix(hits.map((samples) => ({ samples, at: random() * 1.2, gain: 0.5 + random() * 0.5 })))), recording };
    }
    case 'cough': {
      const coughs = await Promise.all(Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const seconds = (0.18 + random() * 0.2).toFixed(2);
        return soxSound([...noise(pick(NOISE_COLOURS), seconds, random), 'band', String(Math.round(400 + random() * 800)), String(Math.round(300 + random() * 900)), 'fade', 'q', '0.01', seconds, String(Number(seconds) * 0.8), 'vol', '0.8']);
      }));
      return { samples: padded(mix(coughs.map((samples, index) => ({ samples, at: index * (0.35 + random() * 0.2), gain: 0.7 + random() * 0.3 })))), recording };
    }
    case 'noise': {
      const seconds = (0.3 + random() * 1.5).toFixed(2);
      return { samples: padded(await soxSound([...noise(pick(NOISE_COLOURS), seconds, random), 'fade', 'q', '0.05', seconds, '0.1', 'vol', String(0.2 + random() * 0.6)])), recording };
    }
  }
}

const NOISE_COLOURS = ['pinknoise', 'brownnoise', 'whitenoise'] as const;

/**
 * sox `synth` noise `seconds` long. sox runs repeatably (`-R`), so every burst would be the same
 * noise: each is cut from its own drawn point, up to two seconds into the stream.
 */
function noise(colour: (typeof NOISE_COLOURS)[number], seconds: string, random: () => number): string[] {
  const offset = random() * 2;
  return ['synth', (Number(seconds) + offset).toFixed(4), colour, 'trim', offset.toFixed(4)];
}

export function mix(parts: { samples: Float32Array; at: number; gain: number }[]): Float32Array {
  const length = Math.max(...parts.map((part) => Math.round(part.at * SAMPLE_RATE) + part.samples.length));
  const out = new Float32Array(length);
  for (const part of parts) {
    const start = Math.round(part.at * SAMPLE_RATE);
    part.samples.forEach((value, index) => (out[start + index]! += value * part.gain));
  }
  return out;
}

function concat(parts: Float32Array[]): Float32Array {
  return mix(parts.map((samples, index) => ({ samples, at: parts.slice(0, index).reduce((sum, part) => sum + part.length, 0) / SAMPLE_RATE, gain: 1 })));
}

/** Quiet room before and after, as the synthesised speech has (the detector learns the room first). */
function padded(samples: Float32Array): Float32Array {
  const pad = Math.round(PAD_SECONDS * SAMPLE_RATE);
  const out = new Float32Array(samples.length + 2 * pad);
  out.set(samples, pad);
  return out;
}
