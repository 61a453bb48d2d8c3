import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('OBJECT_STORE', () => {
  it('is unset by default: files stay on local disk', () => {
    expect(loadConfig({})).toMatchObject({ objectStore: null, s3Endpoint: null });
  });

  it('takes s3://bucket with an optional prefix', () => {
    expect(loadConfig({ OBJECT_STORE: 's3://neulbom-media' }).objectStore).toBe('s3://neulbom-media');
    expect(loadConfig({ OBJECT_STORE: 's3://neulbom-media/stores/store-1' }).objectStore).toBe('s3://neulbom-media/stores/store-1');
  });

  it('refuses anything else with a clear message', () => {
    for (const bad of ['neulbom-media', 'https://neulbom-media', 's3://', 's3://Neulbom', 's3://bucket/../x', 's3://bucket?region=x']) {
      expect(() => loadConfig({ OBJECT_STORE: bad })).toThrow(ConfigError);
    }
    expect(() => loadConfig({ OBJECT_STORE: 'file:///srv' })).toThrow('OBJECT_STORE must be s3://bucket or s3://bucket/prefix');
  });

  it('reads an S3-compatible endpoint as the AWS SDK does: the S3 one first', () => {
    expect(loadConfig({ AWS_ENDPOINT_URL: 'http://minio:9000' }).s3Endpoint).toBe('http://minio:9000');
    expect(loadConfig({ AWS_ENDPOINT_URL: 'http://other:1', AWS_ENDPOINT_URL_S3: 'http://minio:9000' }).s3Endpoint).toBe('http://minio:9000');
    expect(() => loadConfig({ AWS_ENDPOINT_URL_S3: 'minio:9000' })).toThrow(/AWS_ENDPOINT_URL_S3 must/);
  });
});

describe('what the server retrains on', () => {
  it('is the stored samples and the whole frozen set by default', () => {
    expect(loadConfig({})).toMatchObject({ retrainDataDir: null, retrainFrozenLimit: null });
  });

  it('takes a labelled folder (made absolute) and a frozen-set subset size', () => {
    expect(loadConfig({ RETRAIN_DATA_DIR: 'seed-faces', RETRAIN_FROZEN_LIMIT: '40' })).toMatchObject({ retrainDataDir: path.resolve('seed-faces'), retrainFrozenLimit: 40 });
    expect(() => loadConfig({ RETRAIN_FROZEN_LIMIT: '3' })).toThrow('RETRAIN_FROZEN_LIMIT must be a whole number from 8 to 100000, not "3".');
    expect(() => loadConfig({ RETRAIN_FROZEN_LIMIT: 'all' })).toThrow(ConfigError);
  });
});

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default, a proxy on this machine with "on", or the proxies named', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'on' }).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,fd00::/8' }).trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8']);
  });

  it('refuses "true", names and bad ranges, so every hop is never trusted by mistake', () => {
    for (const bad of ['true', 'yes', 'proxy.shop.lan', '10.0.0.0/33', '10.0.0.5/', '::1/129', '10.0.0.0/8/1', '*']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(ConfigError);
    }
  });
});

describe("the kiosk's body", () => {
  it('defaults to a floor-standing 32" portrait kiosk, its card reader below the screen on the right', () => {
    expect(loadConfig({})).toMatchObject({ reach: { screenHeightMm: 708, screenBottomMm: 700, maxReachMm: 1200 }, cardReaderPosition: 'below-right' });
  });

  it('takes another model in millimetres, and refuses what cannot be', () => {
    expect(loadConfig({ KIOSK_SCREEN_HEIGHT_MM: '476', KIOSK_SCREEN_BOTTOM_MM: '900', CARD_READER_POSITION: 'left' })).toMatchObject({ reach: { screenHeightMm: 476, screenBottomMm: 900 }, cardReaderPosition: 'left' });
    expect(() => loadConfig({ KIOSK_SCREEN_HEIGHT_MM: '0' })).toThrow(/KIOSK_SCREEN_HEIGHT_MM must be a whole number/);
    expect(() => loadConfig({ KIOSK_MAX_REACH_MM: '1200.5' })).toThrow(ConfigError);
    expect(() => loadConfig({ CARD_READER_POSITION: 'above' })).toThrow(/CARD_READER_POSITION/);
  });
});

describe('VOICE_ENGINE=whisper', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'whisper-config-'));
  const ggml = path.join(folder, 'ggml-model.bin');
  fs.writeFileSync(ggml, Buffer.from([0x6c, 0x6d, 0x67, 0x67, 0, 0, 0, 0]));

  it('takes the whisper.cpp model file named by WHISPER_MODEL, as an absolute path', () => {
    expect(loadConfig({ VOICE_ENGINE: 'whisper', WHISPER_MODEL: ggml })).toMatchObject({ voiceEngine: 'whisper', whisperModel: ggml });
  });

  it('ignores WHISPER_MODEL for the other engines', () => {
    expect(loadConfig({ VOICE_ENGINE: 'browser', WHISPER_MODEL: path.join(folder, 'missing.bin') })).toMatchObject({ voiceEngine: 'browser', whisperModel: null });
    expect(loadConfig({}).whisperModel).toBeNull();
  });

  it('refuses to start without a model, or with one it cannot read or that is not a ggml file', () => {
    expect(() => loadConfig({ VOICE_ENGINE: 'whisper' })).toThrow(/VOICE_ENGINE=whisper needs WHISPER_MODEL/);
    expect(() => loadConfig({ VOICE_ENGINE: 'whisper', WHISPER_MODEL: path.join(folder, 'missing.bin') })).toThrow(/cannot be read/);
    expect(() => loadConfig({ VOICE_ENGINE: 'whisper', WHISPER_MODEL: folder })).toThrow(/cannot be read/);
    const short = path.join(folder, 'short.bin');
    fs.writeFileSync(short, Buffer.from([0x6c, 0x6d]));
    expect(() => loadConfig({ VOICE_ENGINE: 'whisper', WHISPER_MODEL: short })).toThrow(/cannot be read/);
    const text = path.join(folder, 'notes.txt');
    fs.writeFileSync(text, 'not a model');
    expect(() => loadConfig({ VOICE_ENGINE: 'whisper', WHISPER_MODEL: text })).toThrow(/is not a whisper\.cpp ggml model file/);
    expect(() => loadConfig({ VOICE_ENGINE: 'whisper', WHISPER_MODEL: text })).toThrow(ConfigError);
  });
});
