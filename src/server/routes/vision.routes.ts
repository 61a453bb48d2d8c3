/**
 * `POST /api/vision/decide?kiosk=ID`: a camera device that cannot run the model itself sends one
 * JPEG frame; the server decides in its worker pool, publishes the decision on the kiosk's group
 * topic, logs it and answers with it. The frame is gone when the call ends: only a store that
 * collects images keeps a crop of the face (the decision log's rules, as for kiosks).
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, FaceDecisionResponse } from '../../contracts/http';
import type { Device } from '../../iot/devices';
import { TOPIC_ID_PATTERN } from '../../iot/topics';
import { AppError } from '../errors';
import { cropFace } from '../flywheel/face-crop';
import type { DecisionLogService } from '../flywheel/decision-log.service';
import type { FleetClient } from '../iot/fleet-client';
import type { ActiveGroupHead } from '../registry/active-group-head';
import type { SettingsService } from '../services/settings.service';
import type { FaceDecisionPool } from '../vision/face-decision-pool';
import type { DeviceGate } from './device-auth';

/** A 640×480 JPEG is ~50 KB; 4 MB leaves room for a full-HD frame and no more. */
const MAX_FRAME_BYTES = 4 * 1024 * 1024;
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);

type Options = { gate: DeviceGate; faces: FaceDecisionPool; publisher: FleetClient; settings: SettingsService; groupHead: ActiveGroupHead; decisions: DecisionLogService; storeId: string };

/** The kiosk a camera reports for: the one it was registered with, never one it names itself. */
function boundKiosk(camera: Device, named: string | undefined): string {
  if (!camera.kioskId) throw new AppError(403, 'camera_not_bound', `Camera ${camera.id} watches no kiosk: register it again with its kiosk (kiosk device add --kind camera --kiosk <id>).`);
  if (named !== undefined && named !== camera.kioskId) throw new AppError(403, 'not_this_cameras_kiosk', `Camera ${camera.id} reports for ${camera.kioskId} only.`);
  return camera.kioskId;
}

export const visionRoutes: FastifyPluginAsyncTypebox<Options> = async (app, { gate, faces, publisher, settings, groupHead, decisions, storeId }) => {
  const activeHead = async () => {
    const active = await groupHead.current();
    if (!active) throw new AppError(503, 'no_model', 'No group head is active in the model registry.');
    return { version: active.version, json: active.json };
  };

  app.addContentTypeParser('image/jpeg', { parseAs: 'buffer', bodyLimit: MAX_FRAME_BYTES }, (_request, body, done) => done(null, body));

  app.post(
    '/api/vision/decide',
    {
      onRequest: gate.before(['camera']),
      schema: {
        // The camera's own kiosk; naming another is refused.
        querystring: Type.Object({ kiosk: Type.Optional(Type.String({ pattern: TOPIC_ID_PATTERN })) }),
        response: { 200: FaceDecisionResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 500: ErrorResponse, 503: ErrorResponse },
      },
    },
    async (request) => {
      const camera = await gate.require(request, ['camera']);
      const kioskId = boundKiosk(camera, request.query.kiosk);
      const frame = request.body;
      if (!Buffer.isBuffer(frame) || !frame.subarray(0, 3).equals(JPEG_MAGIC)) {
        throw new AppError(400, 'invalid_image', 'Send one JPEG frame as the body, with Content-Type: image/jpeg.');
      }
      const result = await faces.decide(frame, await activeHead());
      if ('unreadable' in result) throw new AppError(400, 'invalid_image', 'The frame could not be read as a JPEG image.');
      // Below the store's confidence setting a decision is "unknown", as on the kiosk itself.
      const { cameraMinConfidence: minConfidence, collection } = await settings.get(storeId);
      const group = result.group !== 'unknown' && result.confidence >= minConfidence ? result.group : 'unknown';
      const decision = { kioskId, group: group as FaceDecisionResponse['group'], confidence: result.confidence, modelVersion: result.modelVersion };
      publisher.groupDecided({ ...decision, decidedAt: new Date().toISOString() });
      const crop = collection === 'images' && result.box ? (await cropFace(frame, result.box)).toString('base64') : undefined;
      const { id: decisionId } = await decisions.record({ ...decision, latencyMs: result.ms, ...(result.features ? { features: result.features } : {}), ...(crop ? { crop } : {}) });
      request.log.info({ camera: camera.id, kiosk: decision.kioskId, group, ms: Math.round(result.ms) }, 'camera frame decided');
      return { ...decision, ms: result.ms, decisionId };
    },
  );
};
