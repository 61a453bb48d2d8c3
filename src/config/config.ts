/** The one place the environment is read: validated, given defaults and frozen at start. */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CARD_READER_POSITIONS, type CardReaderPosition } from '../domain/kiosk-body';
import { isTopicId } from '../iot/topics';
import { parseS3Url } from '../server/storage/s3-url';

export type Config = Readonly<{
  port: number;
  host: string;
  /** Local folder for the SQLite file and, without `objectStore`, stored files (pictures, datasets, models). */
  dataDir: string;
  /**
   * `postgres://…` keeps everything in PostgreSQL, so several servers can share one store behind a
   * load balancer; unset is the embedded SQLite file `DATA_DIR/kiosk.sqlite`.
   */
  databaseUrl: string | null;
  /**
   * `s3://bucket[/prefix]` keeps stored files in S3 instead, so the server holds none on its disk.
   * Region and credentials come from the AWS SDK's own chain (AWS_REGION, AWS_ACCESS_KEY_ID…, roles).
   */
  objectStore: string | null;
  /** An S3-compatible server (MinIO, s3rver) instead of AWS, read as the SDK reads it: AWS_ENDPOINT_URL_S3, then AWS_ENDPOINT_URL. */
  s3Endpoint: string | null;
  storeId: string;
  storeName: { ko: string; en: string };
  /** The server's own kiosk: the screen on this machine, which needs no pairing. */
  kioskId: string;
  /**
   * Who may order without a kiosk credential: `local` only a browser on this machine (the server's
   * own kiosk screen), `refuse` nobody, so every kiosk must be paired (e.g. when a proxy on this
   * machine forwards everyone's requests without TRUST_PROXY).
   */
  unpairedKiosk: 'local' | 'refuse';
  /** The store's time zone: order numbers restart at its midnight. */
  timeZone: string;
  /** `simulated` is the built-in card terminal; real drivers register other names. */
  paymentTerminal: 'simulated';
  /** Quiet time before the "are you still there?" warning, and how long the warning lasts. */
  idleWarningAfterMs: number;
  idleWarningDurationMs: number;
  orderNumberScreenMs: number;
  /**
   * The kiosk's body, for the low-reach layout (docs/accessibility.md): the panel's height and the
   * height of its bottom edge above the floor, in mm, and the highest a seated customer may be asked
   * to reach (MSIT: 1,200 mm). Defaults: a floor-standing 32" portrait kiosk.
   */
  reach: { screenHeightMm: number; screenBottomMm: number; maxReachMm: number };
  /** Where the card reader sits, relative to the screen: the voice guide tells blind customers. */
  cardReaderPosition: CardReaderPosition;
  /** What the camera's decision does: switch to easy mode, ask first, or nothing (camera off). */
  cameraPolicy: 'auto' | 'suggest' | 'off';
  /** A voted decision less confident than this counts as unknown: no switch. */
  cameraMinConfidence: number;
  /**
   * How the kiosk hears: `offline` is our own recognizer (nothing leaves the kiosk), `browser` the
   * browser's Web Speech service (a vendor's cloud in most browsers), `whisper` the store's own
   * server transcribing with the operator's whisper.cpp model (audio goes no further), `off` touch only.
   */
  voiceEngine: 'offline' | 'browser' | 'whisper' | 'off';
  /** The whisper.cpp ggml model file for `voiceEngine: 'whisper'` (checked at start); null otherwise. */
  whisperModel: string | null;
  /**
   * The MQTT broker: unset runs the embedded one (TCP on `mqttPort`, WebSocket on `/mqtt`);
   * `mqtt://…` uses an external broker (mosquitto, EMQX) with the server's own credentials.
   */
  mqttUrl: string | null;
  mqttPort: number;
  mqttUsername: string | null;
  mqttPassword: string | null;
  /** Where device pages reach an external broker over WebSocket (the embedded one is on `/mqtt`). */
  mqttWebSocketUrl: string | null;
  /** Threads deciding frames from camera devices (`POST /api/vision/decide`); one per core by default. */
  visionThreads: number;
  /** Opening hours until an owner sets them in the console ("08:00-20:00"; equal times: always open). */
  operatingHours: { open: string; close: string };
  /**
   * What the server's retraining (schedule and the console's "train now") runs `kiosk model train`
   * on besides the stored labelled faces: a labelled folder (labels.csv + images/), e.g. a seed
   * dataset for a small deployment or a test. Unset: the stored samples only.
   */
  retrainDataDir: string | null;
  /** Judge the server's candidates on a stratified subset of the frozen set this large (quick runs); unset: the whole set. */
  retrainFrozenLimit: number | null;
  /**
   * The proxies whose X-Forwarded-* headers are trusted (so console cookies are Secure and the
   * client's own address is seen): `on` is a proxy on this machine, or the proxies' addresses or
   * CIDR ranges. Never every hop: a client could then name itself, e.g. as this machine.
   */
  trustProxy: false | string[];
  /** `npm start` on a fresh database writes two months of generated orders (the demo store's history). */
  demoHistory: boolean;
  /** Requests larger than this are refused before they are parsed. */
  bodyLimitBytes: number;
  /**
   * How long a client may take: to send its headers, its whole request, and between requests on a
   * kept-alive connection. Slow clients are cut, so hundreds of them cannot hold the server's sockets.
   */
  httpTimeouts: { headersMs: number; requestMs: number; keepAliveMs: number };
  logLevel: string;
}>;

export class ConfigError extends Error {}

export const VOICE_ENGINES = ['offline', 'browser', 'whisper', 'off'] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const config: Config = {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: env.HOST ?? 'localhost',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: urlSetting(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], 'postgres://kiosk:secret@db:5432/kiosk'),
    objectStore: objectStoreUrl(env, 'OBJECT_STORE'),
    s3Endpoint: urlSetting(env, 'AWS_ENDPOINT_URL_S3', ['http:', 'https:'], 'http://minio:9000') ?? urlSetting(env, 'AWS_ENDPOINT_URL', ['http:', 'https:'], 'http://minio:9000'),
    storeId: topicId(env, 'STORE_ID', 'store-1'),
    storeName: { ko: env.STORE_NAME_KO ?? '늘봄식당', en: env.STORE_NAME_EN ?? 'Neulbom Sikdang' },
    kioskId: topicId(env, 'KIOSK_ID', 'kiosk-1'),
    unpairedKiosk: oneOf(env, 'UNPAIRED_KIOSK', ['local', 'refuse'] as const, 'local'),
    timeZone: timeZone(env.STORE_TIME_ZONE ?? 'Asia/Seoul'),
    paymentTerminal: oneOf(env, 'PAYMENT_TERMINAL', ['simulated'] as const, 'simulated'),
    idleWarningAfterMs: integer(env, 'IDLE_WARNING_AFTER_MS', 120_000, 1_000, 3_600_000),
    idleWarningDurationMs: integer(env, 'IDLE_WARNING_DURATION_MS', 20_000, 20_000, 600_000),
    orderNumberScreenMs: integer(env, 'ORDER_NUMBER_SCREEN_MS', 30_000, 5_000, 600_000),
    reach: {
      screenHeightMm: integer(env, 'KIOSK_SCREEN_HEIGHT_MM', 708, 100, 3_000),
      screenBottomMm: integer(env, 'KIOSK_SCREEN_BOTTOM_MM', 700, 0, 2_000),
      maxReachMm: integer(env, 'KIOSK_MAX_REACH_MM', 1_200, 400, 2_000),
    },
    cardReaderPosition: oneOf(env, 'CARD_READER_POSITION', CARD_READER_POSITIONS, 'below-right'),
    cameraPolicy: oneOf(env, 'CAMERA_POLICY', ['auto', 'suggest', 'off'] as const, 'auto'),
    cameraMinConfidence: fraction(env, 'CAMERA_MIN_CONFIDENCE', 0.6),
    voiceEngine: oneOf(env, 'VOICE_ENGINE', VOICE_ENGINES, 'offline'),
    whisperModel: env.VOICE_ENGINE === 'whisper' ? whisperModelFile(env.WHISPER_MODEL) : null,
    mqttUrl: urlSetting(env, 'MQTT_URL', ['mqtt:', 'mqtts:', 'tcp:', 'ws:', 'wss:'], 'mqtt://broker:1883'),
    mqttPort: integer(env, 'MQTT_PORT', 1883, 0, 65535),
    mqttUsername: env.MQTT_USERNAME || null,
    mqttPassword: env.MQTT_PASSWORD || null,
    mqttWebSocketUrl: urlSetting(env, 'MQTT_WS_URL', ['ws:', 'wss:'], 'wss://broker:8084/mqtt'),
    visionThreads: integer(env, 'VISION_THREADS', os.availableParallelism(), 1, 64),
    operatingHours: hoursSetting(env, 'OPERATING_HOURS', '08:00-20:00'),
    retrainDataDir: env.RETRAIN_DATA_DIR ? path.resolve(env.RETRAIN_DATA_DIR) : null,
    retrainFrozenLimit: env.RETRAIN_FROZEN_LIMIT ? integer(env, 'RETRAIN_FROZEN_LIMIT', 0, 8, 100_000) : null,
    trustProxy: trustedProxies(env.TRUST_PROXY),
    demoHistory: oneOf(env, 'DEMO_HISTORY', ['on', 'off'] as const, 'on') === 'on',
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 64 * 1024, 1024, 10 * 1024 * 1024),
    httpTimeouts: {
      headersMs: integer(env, 'HTTP_HEADERS_TIMEOUT_MS', 10_000, 500, 120_000),
      requestMs: integer(env, 'HTTP_REQUEST_TIMEOUT_MS', 30_000, 500, 600_000),
      keepAliveMs: integer(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 10_000, 500, 120_000),
    },
    logLevel: env.LOG_LEVEL ?? 'info',
    ...overrides,
  };
  if (config.httpTimeouts.headersMs > config.httpTimeouts.requestMs) throw new ConfigError('HTTP_HEADERS_TIMEOUT_MS must not be longer than HTTP_REQUEST_TIMEOUT_MS.');
  return Object.freeze(config);
}

/** whisper.cpp's model files begin with the magic 0x67676d6c ("ggml"), stored little-endian. */
const GGML_MAGIC = 0x67676d6c;

/**
 * The operator's model, checked now rather than on the first customer's turn: a missing or
 * unreadable file, or one that is not a ggml model at all, stops the start with what to fix.
 */
function whisperModelFile(raw: string | undefined): string {
  const example = 'e.g. WHISPER_MODEL=/var/lib/kiosk/ggml-base.bin, a multilingual whisper.cpp model the operator downloads';
  if (!raw) throw new ConfigError(`VOICE_ENGINE=whisper needs WHISPER_MODEL, the path of a whisper.cpp ggml model file (${example}).`);
  const file = path.resolve(raw);
  const magic = Buffer.alloc(4);
  try {
    const fd = fs.openSync(file, 'r');
    try {
      if (fs.readSync(fd, magic, 0, 4, 0) < 4) throw new Error('the file is shorter than a model header');
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    throw new ConfigError(`WHISPER_MODEL ${file} cannot be read: ${error instanceof Error ? error.message : String(error)} (${example}).`);
  }
  if (magic.readUInt32LE(0) !== GGML_MAGIC) throw new ConfigError(`WHISPER_MODEL ${file} is not a whisper.cpp ggml model file (${example}).`);
  return file;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  return numberSetting(env, name, fallback, min, max, true);
}

function fraction(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  return numberSetting(env, name, fallback, 0, 1, false);
}

function numberSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, whole: boolean): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || (whole && !Number.isInteger(value)) || value < min || value > max) {
    throw new ConfigError(`${name} must be a ${whole ? 'whole number' : 'number'} from ${min} to ${max}, not "${raw}".`);
  }
  return value;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, not "${raw}".`);
  }
  return raw as T;
}

function hoursSetting(env: NodeJS.ProcessEnv, name: string, fallback: string): { open: string; close: string } {
  const raw = env[name] || fallback;
  const match = /^(([01][0-9]|2[0-3]):[0-5][0-9])-(([01][0-9]|2[0-3]):[0-5][0-9])$/.exec(raw);
  if (!match) throw new ConfigError(`${name} must be opening and closing times like 08:00-20:00, not "${raw}".`);
  return { open: match[1]!, close: match[3]! };
}

/** `off`, `on` (a proxy on this machine), or the proxies' addresses and CIDR ranges, comma-separated. */
function trustedProxies(raw: string | undefined): false | string[] {
  if (raw === undefined || raw === '' || raw === 'off') return false;
  if (raw === 'on') return ['loopback'];
  const proxies = raw.split(',').map((entry) => entry.trim());
  const bad = proxies.find((entry) => {
    const [address, prefix, ...rest] = entry.split('/');
    const family = net.isIP(address ?? '');
    const maxPrefix = family === 4 ? 32 : 128;
    return family === 0 || rest.length > 0 || (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix));
  });
  if (bad !== undefined) throw new ConfigError(`TRUST_PROXY must be off, on (a proxy on this machine) or the proxies' addresses or CIDR ranges, comma-separated; "${bad}" is none of these.`);
  return proxies;
}

/** Store and kiosk ids name MQTT topic levels, so they cannot hold "/", "+" or "#". */
function topicId(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!isTopicId(raw)) throw new ConfigError(`${name} must be 1–64 letters, digits, "-" or "_", not "${raw}".`);
  return raw;
}

/** Broker and database URLs; the value is not repeated in the error, as it may hold a password. */
function urlSetting(env: NodeJS.ProcessEnv, name: string, protocols: string[], example: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL; it should look like ${example}.`);
  }
  if (!protocols.includes(url.protocol)) throw new ConfigError(`${name} must start with ${protocols.join(' or ')}, not "${url.protocol}".`);
  return raw;
}

function objectStoreUrl(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  if (!parseS3Url(raw)) throw new ConfigError(`${name} must be s3://bucket or s3://bucket/prefix (a lower-case S3 bucket name), not "${raw}".`);
  return raw;
}

function timeZone(name: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
  } catch {
    throw new ConfigError(`STORE_TIME_ZONE "${name}" is not a time zone (e.g. Asia/Seoul).`);
  }
  return name;
}

