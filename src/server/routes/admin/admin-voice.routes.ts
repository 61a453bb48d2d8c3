/** The console's voice training page (음성 학습): the phrases, the store's recordings, adding and deleting takes. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ErrorResponse, ModelVersionParams } from '../../../contracts/http';
import { NewVoiceRecordingQuery, Speaker, VoicePhrasesResponse, VoiceRecordingListResponse, VoiceModelVersionResponse, VoiceModelVersionsResponse, VoiceRecordingResponse, VoiceTrainingStatus } from '../../../contracts/voice-recordings';
import { AppError } from '../../errors';
import { ADMIN_ROLES, type AdminAuthService } from '../../services/admin-auth.service';
import { VOICE_RECORDING_MAX_BYTES, type VoiceRecordingService } from '../../voice/voice-recording.service';
import type { VoiceModelVersions } from '../../voice/voice-model-versions';
import type { VoiceTrainingRunner } from '../../voice/voice-training-runner';
import { requireAdmin } from './admin-session';

type Options = { auth: AdminAuthService; recordings: VoiceRecordingService; training: VoiceTrainingRunner; versions: VoiceModelVersions };
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Refusals = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export const adminVoiceRoutes: FastifyPluginAsyncTypebox<Options> = async (app, { auth, recordings, training, versions }) => {
  // Owners and staff both record; the console user is known before an audio body is read.
  const consoleUserFirst = async (request: FastifyRequest) => void (await requireAdmin(auth, request, ADMIN_ROLES));
  app.addContentTypeParser('audio/wav', { parseAs: 'buffer', bodyLimit: VOICE_RECORDING_MAX_BYTES }, (_request, body, done) => done(null, body));

  app.get('/api/admin/voice/phrases', { onRequest: consoleUserFirst, schema: { response: { 200: VoicePhrasesResponse, 401: ErrorResponse } } }, async () => ({
    phrases: await recordings.phrases(),
  }));

  app.get('/api/admin/voice/recordings', { onRequest: consoleUserFirst, schema: { response: { 200: VoiceRecordingListResponse, 401: ErrorResponse } } }, async () => ({
    recordings: await recordings.list(),
  }));

  app.post(
    '/api/admin/voice/recordings',
    { onRequest: consoleUserFirst, bodyLimit: VOICE_RECORDING_MAX_BYTES, schema: { querystring: NewVoiceRecordingQuery, response: { 201: VoiceRecordingResponse, ...Refusals } } },
    async (request, reply) => {
      const user = await requireAdmin(auth, request, ADMIN_ROLES);
      if (!Buffer.isBuffer(request.body)) throw new AppError(400, 'invalid_recording', 'Send the recording itself as the body (Content-Type: audio/wav).');
      const { speaker, phrase } = request.query;
      return reply.code(201).send(await recordings.add({ speaker, phrase, recordedBy: user.username }, request.body));
    },
  );

  /** A take played back to the console: private audio, never cached by anything shared. */
  app.get('/api/admin/voice/recordings/:id/audio', { onRequest: consoleUserFirst, schema: { params: Id } }, async (request, reply) =>
    reply.type('audio/wav').header('cache-control', 'private, no-store').send(await recordings.audio(request.params.id)),
  );

  app.delete('/api/admin/voice/recordings/:id', { onRequest: consoleUserFirst, schema: { params: Id, response: { 204: Type.Null(), ...Refusals } } }, async (request, reply) => {
    await recordings.remove(request.params.id);
    return reply.code(204).send(null);
  });

  app.delete(
    '/api/admin/voice/recordings',
    { onRequest: consoleUserFirst, schema: { querystring: Type.Object({ speaker: Speaker }), response: { 200: Type.Object({ deleted: Type.Integer() }), ...Refusals } } },
    async (request) => ({ deleted: await recordings.removeSpeaker(request.query.speaker) }),
  );

  app.get('/api/admin/voice/training', { onRequest: consoleUserFirst, schema: { response: { 200: VoiceTrainingStatus, 401: ErrorResponse } } }, async () => training.current());

  /** 학습 시작: adapts the voice model to the recordings in the background; the page polls the GET above. */
  app.post('/api/admin/voice/training', { onRequest: consoleUserFirst, schema: { response: { 202: VoiceTrainingStatus, ...Refusals, 409: ErrorResponse } } }, async (_request, reply) =>
    reply.code(202).send(await training.start()),
  );

  app.get('/api/admin/voice/models', { onRequest: consoleUserFirst, schema: { response: { 200: VoiceModelVersionsResponse, 401: ErrorResponse } } }, async () => ({
    versions: await versions.list(),
  }));

  /** Owners only: the version before the active one (or the shipped model) is what kiosks load again. */
  app.post(
    '/api/admin/voice/models/rollback',
    { onRequest: async (request) => void (await requireAdmin(auth, request, ['owner'])), schema: { response: { 200: Type.Object({ active: Type.Union([VoiceModelVersionResponse, Type.Null()]) }), 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse } } },
    async () => ({ active: await versions.rollback() }),
  );

  /** Owners only: a version kept earlier is what kiosks load again. */
  app.post(
    '/api/admin/voice/models/:version/activate',
    { onRequest: async (request) => void (await requireAdmin(auth, request, ['owner'])), schema: { params: ModelVersionParams, response: { 200: VoiceModelVersionResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } } },
    async (request) => versions.activate(request.params.version),
  );
};
