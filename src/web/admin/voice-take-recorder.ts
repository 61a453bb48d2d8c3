/**
 * One take for the voice training page: the microphone at 16 kHz mono through the kiosk's own PCM
 * capture worklet, kept until stopped, then written as a 16-bit WAV, the form the recognizer trains on.
 */
import { WaveFile } from 'wavefile';
import captureUrl from '../kiosk/voice/pcm-capture.worklet.ts?worker&url';
import { SAMPLE_RATE } from '../../voice/hearing/audio-frames';

export type TakeRecorder = { stop(): Promise<Blob> };

export async function startTake(): Promise<TakeRecorder> {
  const context = new AudioContext({ sampleRate: SAMPLE_RATE });
  const blocks: Float32Array[] = [];
  let stream: MediaStream | null = null;
  const release = () => {
    stream?.getTracks().forEach((track) => track.stop());
    void context.close();
  };
  try {
    await context.audioWorklet.addModule(captureUrl);
    // No echo cancellation or gain control: the kiosk trains on what its microphone really hears.
    stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false } });
    const capture = new AudioWorkletNode(context, 'pcm-capture');
    capture.port.onmessage = (event: MessageEvent<Float32Array>) => blocks.push(event.data);
    context.createMediaStreamSource(stream).connect(capture);
    // A node that reaches the output is one the browser keeps running; it writes only silence.
    capture.connect(context.destination);
  } catch (error) {
    release();
    throw error;
  }
  return {
    async stop() {
      release();
      return wavOf(blocks);
    },
  };
}

function wavOf(blocks: Float32Array[]): Blob {
  const pcm = new Int16Array(blocks.reduce((length, block) => length + block.length, 0));
  let offset = 0;
  for (const block of blocks) {
    pcm.set(Int16Array.from(block, (value) => Math.round(Math.max(-1, Math.min(1, value)) * 32767)), offset);
    offset += block.length;
  }
  const wav = new WaveFile();
  wav.fromScratch(1, SAMPLE_RATE, '16', pcm);
  return new Blob([new Uint8Array(wav.toBuffer())], { type: 'audio/wav' });
}
