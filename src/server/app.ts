/**
 * Builds the server: the composition root where repositories, services and routes are wired.
 * Tests use it without listening (`app.inject`); `server.ts` starts it.
 */
import fs from 'node:fs';
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic, { type SetHeadersResponse } from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { CHARGE_NOT_CANCELLED_CALL } from '../contracts/http';
import type { Kysely } from 'kysely';
import type { Config } from '../config/config';
import { JobLock } from './db/job-lock';
import type { Database } from './db/schema';
import { DecisionLogRepository } from './flywheel/decision-log.repository';
import { DecisionLogService } from './flywheel/decision-log.service';
import { DecisionRetention, RETENTION_EVERY_MS, RETENTION_JOB } from './flywheel/decision-retention';
import { AppError } from './errors';
import { trainingCommand } from './flywheel/training-command';
import { TrainingScheduler } from './flywheel/training-scheduler';
import { SimulatedCardTerminal } from './payments/simulated-card-terminal';
import type { PaymentTerminal } from './payments/payment-terminal';
import { startFleetMessaging } from './iot/fleet-messaging';
import { watchKiosks } from './iot/kiosk-watch';
import { ActiveGroupHead } from './registry/active-group-head';
import { activeGroupHead, watchActiveModel } from './registry/active-model-watch';
import { startModelRegistry } from './registry/open-registry';
import { AdminRepository } from './repositories/admin.repository';
import { AnalyticsRepository } from './repositories/analytics.repository';
import { AuditLogRepository } from './repositories/audit-log.repository';
import { ReportRepository } from './repositories/report.repository';
import { SalesReportService } from './reports/sales-report.service';
import { FaceSampleRepository } from './repositories/face-sample.repository';
import { SignInFailureRepository } from './repositories/sign-in-failure.repository';
import { KioskPresenceRepository } from './repositories/kiosk-presence.repository';
import { SettingsRepository } from './repositories/settings.repository';
import { adminAuthRoutes } from './routes/admin/admin-auth.routes';
import { adminModelRoutes } from './routes/admin/admin-models.routes';
import { adminFleetRoutes } from './routes/admin/admin-fleet.routes';
import { adminPrinterRoutes } from './routes/admin/admin-printers.routes';
import { adminVoiceRoutes } from './routes/admin/admin-voice.routes';
import { adminReviewRoutes } from './routes/admin/admin-review.routes';
import { adminMenuRoutes } from './routes/admin/admin-menu.routes';
import { adminReportRoutes } from './routes/admin/admin-reports.routes';
import { adminSettlementRoutes } from './routes/admin/admin-settlement.routes';
import { adminStoreRoutes } from './routes/admin/admin-store.routes';
import { AdminAuthService } from './services/admin-auth.service';
import { defaultSettings, SettingsService } from './services/settings.service';
import { DeviceRepository } from './repositories/device.repository';
import { OrderHistoryRepository } from './repositories/order-history.repository';
import { OrderRepository } from './repositories/order.repository';
import { StaffCallRepository } from './repositories/staff-call.repository';
import { DeviceGate } from './routes/device-auth';
import { signInFailureStore } from './routes/admin/sign-in-failure-store';
import { decisionRoutes } from './routes/decision.routes';
import { deviceRoutes } from './routes/device.routes';
import { mediaRoutes } from './routes/media.routes';
import { modelRoutes } from './routes/model.routes';
import { menuRoutes } from './routes/menu.routes';
import { orderRoutes } from './routes/order.routes';
import { recommendationRoutes } from './routes/recommendation.routes';
import { speechRoutes } from './routes/speech.routes';
import { voiceRoutes } from './routes/voice.routes';
import { staffCallRoutes } from './routes/staff-call.routes';
import { visionRoutes } from './routes/vision.routes';
import { DeviceService } from './services/device.service';
import { OrderService, type OrderEvents } from './services/order.service';
import { OrderSettlementService } from './services/order-settlement.service';
import { RecommendationService } from './services/recommendation.service';
import { SpeechSynthesizer } from './speech/speech-synthesizer';
import { WhisperTranscriber, type SpeechTranscriber } from './voice/speech-transcriber';
import { StaffCallService } from './services/staff-call.service';
import { openStore } from './store';
import { FaceDecisionPool } from './vision/face-decision-pool';
import { OpenedResources, StartupError } from './opened-resources';
import { printerAlerts } from './printing/printer-alerts';
import { PrintSpooler } from './printing/print-spooler';
import { printTransport } from './printing/print-transport';
import { PrintingService } from './printing/printing.service';
import { PrinterRepository } from './repositories/printer.repository';
import { VoiceRecordingRepository } from './repositories/voice-recording.repository';
import { VoiceRecordingService } from './voice/voice-recording.service';
import { VoiceModelVersions } from './voice/voice-model-versions';
import { VoiceModelVersionRepository } from './repositories/voice-model-version.repository';
import { VoiceTrainingRunRepository } from './repositories/voice-training-run.repository';
import { DEFAULT_VOICE_TRAINING_SIZE, VOICE_TRAINING_LOCK_TTL_MS, VoiceTrainingRunner, type VoiceTrainingSize } from './voice/voice-training-runner';
import { registerSecurityHeaders } from './security-headers';

/** Where `vite build` puts the kiosk's pages. */
export const WEB_DIST_DIR = path.resolve(import.meta.dirname, '../../dist/web');

export type AppOptions = {
  config: Config;
  /** A clock, so tests can place orders on a given day. */
  now?: () => Date;
  terminal?: PaymentTerminal;
  logger?: boolean;
  /** How often the server looks for a new active model in the registry (another process may promote one). */
  modelPollMs?: number;
  /** How often the retraining schedule is checked, and the wait after a failed run (doubling with each failure in a row). */
  training?: { checkEveryMs?: number; retryAfterMs?: number };
  /** How often a stopped printer is asked again, and how long a printer may take to answer. */
  printing?: { retryEveryMs?: number; timeoutMs?: number };
  /**
   * Who dictates kiosk turns with VOICE_ENGINE=whisper; by default the operator's model
   * (WHISPER_MODEL). Browser tests pass their own: no Korean whisper model can be shipped here.
   */
  transcriber?: SpeechTranscriber;
  /** How much synthetic speech 음성 학습 adds to the store's takes (tests: tiny). */
  voiceTrainingSize?: VoiceTrainingSize;
};

const TRAINING_LOCK_TTL_MS = 3 * 60_000;

export type App = {
  app: FastifyInstance;
  db: Kysely<Database>;
  devices: DeviceService;
  brokerUrl: string;
  retention: DecisionRetention;
  /** The store's printers: `printing.printReport(title, lines)` prints any report on the receipt printer. */
  printing: PrintingService;
  spooler: PrintSpooler;
};

export async function buildApp(options: AppOptions): Promise<App> {
  const opened = new OpenedResources();
  try {
    return await wireApp(options, opened);
  } catch (error) {
    await opened.closeAll().catch(() => undefined);
    throw new StartupError(`The server could not start: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Opens and wires everything; each thing opened is registered in `opened` the moment it exists. */
async function wireApp({ config, now = () => new Date(), terminal, logger = false, modelPollMs = 5000, training = {}, printing: printingOptions = {}, transcriber: givenTranscriber, voiceTrainingSize }: AppOptions, opened: OpenedResources): Promise<App> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    bodyLimit: config.bodyLimitBytes,
    // Receiving a request is bounded; answering is not (an order waits on the card terminal).
    requestTimeout: config.httpTimeouts.requestMs,
    keepAliveTimeout: config.httpTimeouts.keepAliveMs,
    // Node checks the header and request deadlines this often (its default, 30 s, would let slow clients linger).
    http: { headersTimeout: config.httpTimeouts.headersMs, connectionsCheckingInterval: Math.min(1000, config.httpTimeouts.headersMs) },
    trustProxy: config.trustProxy,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const { db, files, menus } = opened.add(await openStore(config), (store) => store.db.destroy());
  // A device revoked here (the console) loses its open broker connections at once.
  const devices = new DeviceService(new DeviceRepository(db), now, (deviceId) => fleet.disconnectDevice(deviceId));
  const gate = new DeviceGate(devices, config);
  const fleet = opened.add(
    await startFleetMessaging(config, devices, (error) => app.log.warn({ err: error }, 'MQTT: could not publish')),
    (messaging) => messaging.close(),
  );
  fleet.attach(app);
  const registry = await startModelRegistry(db, files, now);
  opened.add(
    watchActiveModel(activeGroupHead(registry), fleet.client, { intervalMs: modelPollMs, onError: (error) => app.log.warn({ err: error }, 'Model registry: could not check the active model') }),
    (watch) => watch.stop(),
  );
  const settings = new SettingsService(new SettingsRepository(db), defaultSettings(config), now);
  const recommendations = new RecommendationService(new OrderHistoryRepository(db), menus, settings, { storeId: config.storeId, timeZone: config.timeZone, now });
  // A stored order goes to the store's devices and teaches the recommender.
  const orderEvents: OrderEvents = {
    orderCreated: (order) => {
      fleet.client.orderCreated(order);
      recommendations.orderCreated(order);
    },
    orderStatusChanged: (order) => {
      fleet.client.orderStatusChanged(order);
      // A cancelled order's tickets that have not printed yet never will.
      if (order.status === 'cancelled') printing.orderCancelled(order).catch((error: unknown) => app.log.error({ err: error }, 'Printing: could not withdraw the tickets of a cancelled order'));
    },
    orderStatusUndone: (order) => fleet.client.orderStatusUndone(order),
    orderCalledAgain: (order) => fleet.client.orderCalledAgain(order),
    // Staff are called to the kiosk, as a customer would call them: the pager says what to give back.
    chargeNotCancelled: (kioskId) => void staffCalls.call({ screen: CHARGE_NOT_CANCELLED_CALL }, kioskId).catch((error: unknown) => app.log.error({ err: error }, 'Orders: could not call staff for a charge not cancelled')),
  };
  const orderRepository = new OrderRepository(db);
  const cardTerminal = terminal ?? new SimulatedCardTerminal();
  const orders = new OrderService(
    menus,
    orderRepository,
    cardTerminal,
    { storeId: config.storeId, timeZone: config.timeZone, now, allowsCounterPayment: async () => (await settings.get(config.storeId)).counterPayment },
    orderEvents,
    // Its tickets are stored with it (spooled once it commits): an order never stands without them.
    (trx, order) => printing.storeOrderTickets(trx, order),
  );
  const settlement = new OrderSettlementService(orderRepository, new AuditLogRepository(db), cardTerminal, orderEvents, {
    storeId: config.storeId,
    now,
    staffMayCancel: async () => (await settings.get(config.storeId)).staffMayCancel,
  });
  const faces = opened.add(new FaceDecisionPool(config.visionThreads), (pool) => pool.close());
  const auth = new AdminAuthService(new AdminRepository(db), now);
  const presence = new KioskPresenceRepository(db);
  watchKiosks(fleet.client, presence, (error) => app.log.warn({ err: error }, 'MQTT: could not record a kiosk report'));
  const decisionLog = new DecisionLogRepository(db);
  const groupHead = new ActiveGroupHead(registry);
  const decisions = new DecisionLogService(decisionLog, settings, files, { storeId: config.storeId, now }, (features) => groupHead.judge(features));
  // A random part too: two servers in one process (tests) are two holders.
  const lockHolder = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const retentionLock = new JobLock(db, { name: RETENTION_JOB, holder: lockHolder, ttlMs: 10 * 60_000, now });
  const retention = new DecisionRetention(decisionLog, settings, files, retentionLock, { storeId: config.storeId, now });
  const trainer = new TrainingScheduler({
    registry,
    settings,
    samples: new FaceSampleRepository(db),
    lock: new JobLock(db, { name: 'train-group-head', holder: lockHolder, ttlMs: TRAINING_LOCK_TTL_MS, now }),
    renewEveryMs: TRAINING_LOCK_TTL_MS / 3,
    command: (trigger) => trainingCommand(config, trigger),
    hasConfiguredData: config.retrainDataDir !== null,
    storeId: config.storeId,
    timeZone: config.timeZone,
    now,
    checkEveryMs: training.checkEveryMs ?? 5 * 60_000,
    retryAfterMs: training.retryAfterMs ?? 30 * 60_000,
    log: { info: (message) => app.log.info(message), warn: (error, message) => app.log.warn({ err: error }, message) },
  });
  const staffCalls = new StaffCallService(new StaffCallRepository(db), { storeId: config.storeId, now }, fleet.client);
  const printerRows = new PrinterRepository(db);
  const spooler = opened.add(
    new PrintSpooler(printerRows, printTransport(config.dataDir, printingOptions.timeoutMs ?? 3000), printerAlerts(staffCalls, config.storeId), {
      retryEveryMs: printingOptions.retryEveryMs ?? 5000,
      holder: lockHolder,
      claimMs: 60_000,
      now,
      onError: (error) => app.log.warn({ err: error }, 'Printing: a print round failed'),
    }),
    (printSpooler) => printSpooler.stop(),
  );
  const printing = new PrintingService(printerRows, spooler, { storeId: config.storeId, storeName: config.storeName, timeZone: config.timeZone, now });

  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}.` }),
  );
  opened.add(
    retention.schedule(RETENTION_EVERY_MS, (error) => app.log.warn({ err: error }, 'Retention: could not delete old camera decisions')),
    (schedule) => schedule.stop(),
  );
  opened.add(trainer, (scheduler) => scheduler.stop());
  app.addHook('onClose', () => opened.closeAll());

  await registerSecurityHeaders(app, config);
  await app.register(fastifyCookie);
  await app.register(menuRoutes, { menus, config, settings, gate });
  await app.register(orderRoutes, { orders, gate, auth });
  await app.register(recommendationRoutes, { recommendations });
  await app.register(staffCallRoutes, { staffCalls, gate });
  await app.register(visionRoutes, { gate, faces, publisher: fleet.client, settings, groupHead, decisions, storeId: config.storeId });
  await app.register(decisionRoutes, { decisions, gate });
  await app.register(adminAuthRoutes, { auth, signInFailures: signInFailureStore(new SignInFailureRepository(db), now) });
  await app.register(adminStoreRoutes, { auth, menus, files, orders, staffCalls, analytics: new AnalyticsRepository(db), storeId: config.storeId, timeZone: config.timeZone, now });
  await app.register(adminMenuRoutes, { auth, menus });
  await app.register(adminSettlementRoutes, { auth, settlement });
  await app.register(adminReportRoutes, { auth, reports: new SalesReportService(new ReportRepository(db), { storeId: config.storeId, timeZone: config.timeZone, now }), printing, storeName: config.storeName.ko });
  await app.register(adminReviewRoutes, { auth, decisions });
  await app.register(adminModelRoutes, { auth, registry, training: trainer });
  await app.register(adminFleetRoutes, { auth, devices, presence, settings, storeId: config.storeId });
  await app.register(adminPrinterRoutes, { auth, printing, orders });
  const voiceModels = new VoiceModelVersions(new VoiceModelVersionRepository(db), files, { storeId: config.storeId, now });
  // Kept by 음성 학습, rolled back on the console, or the shipped model: kiosks hear which, as for the group head.
  opened.add(
    watchActiveModel(() => voiceModels.active(), fleet.client, { intervalMs: modelPollMs, onError: (error) => app.log.warn({ err: error }, 'Voice models: could not check the active version') }),
    (watch) => watch.stop(),
  );
  const voiceRecordings = new VoiceRecordingService(new VoiceRecordingRepository(db), files, menus, { storeId: config.storeId, now });
  const voiceTrainingLock = new JobLock(db, { name: `voice-training:${config.storeId}`, holder: lockHolder, ttlMs: VOICE_TRAINING_LOCK_TTL_MS, now });
  const voiceTraining = opened.add(
    new VoiceTrainingRunner(voiceRecordings, voiceModels, new VoiceTrainingRunRepository(db), voiceTrainingLock, config, voiceTrainingSize ?? DEFAULT_VOICE_TRAINING_SIZE, now, (error, message) => app.log.warn({ err: error }, message)),
    (runner) => runner.stop(),
  );
  await app.register(adminVoiceRoutes, { auth, recordings: voiceRecordings, training: voiceTraining, versions: voiceModels });
  await app.register(deviceRoutes, { gate, brokerWebSocketUrl: config.mqttWebSocketUrl });
  await app.register(speechRoutes, { speech: new SpeechSynthesizer(path.join(config.dataDir, 'cache', 'speech')), gate });
  if (config.whisperModel) {
    const transcriber = opened.add(givenTranscriber ?? new WhisperTranscriber(config.whisperModel), (opened) => opened.close());
    await app.register(voiceRoutes, { transcriber, menus, gate });
  }
  await app.register(mediaRoutes, { files });
  await app.register(modelRoutes, { registry, voiceModels });
  if (fs.existsSync(path.join(WEB_DIST_DIR, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIST_DIR, setHeaders: cacheHashedAssets });
    app.get('/admin', (_request, reply) => reply.redirect('/admin/'));
  }
  app.get('/api/health', async () => ({ ok: true }));
  trainer.start();
  await printing.resume();
  return { app, db, devices, brokerUrl: fleet.brokerUrl, retention, printing, spooler };
}

/** Vite names built assets by content hash, so they can be cached for good; pages never are. */
function cacheHashedAssets(response: SetHeadersResponse, filePath: string): void {
  const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
  response.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/** One place turns errors into answers: clear 4xx messages, and no internals in a 5xx. */
function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.statusCode >= 500) request.log.error(error);
    return reply.code(error.statusCode).send({ error: error.code, message: error.message, ...(error.problems ? { problems: error.problems } : {}) });
  }
  if (error.validation) {
    return reply.code(400).send({ error: 'invalid_request', message: `Invalid request: ${error.message}.` });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply.code(400).send({ error: 'body_too_large', message: 'The request body is too large.' });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply.code(400).send({ error: 'malformed_json', message: 'The request body is not valid JSON.' });
  }
  if (error.statusCode && error.statusCode < 500) {
    return reply.code(error.statusCode).send({ error: 'bad_request', message: error.message });
  }
  request.log.error(error);
  return reply.code(500).send({ error: 'internal_error', message: 'Something went wrong on the server. Please try again.' });
}
