/** The console's models page: the group head's versions and training runs; owners train, promote and roll back. */
import { type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, ModelCurveResponse, ModelVersionParams, ModelVersionResponse, ModelVersionsResponse, TrainingRunsResponse, TrainingStartedResponse } from '../../../contracts/http';
import { AppError } from '../../errors';
import type { TrainingScheduler } from '../../flywheel/training-scheduler';
import { RegistryError, type ModelRegistryService } from '../../registry/model-registry.service';
import { GROUP_HEAD } from '../../registry/model-version';
import { versionSummary } from '../../registry/version-summary';
import { ADMIN_ROLES, type AdminAuthService } from '../../services/admin-auth.service';
import { requireAdmin } from './admin-session';

type Options = { auth: AdminAuthService; registry: ModelRegistryService; training: TrainingScheduler };
const OWNER = ['owner'] as const;
const CHANGE_ERRORS = { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** The registry refuses what cannot be done (no such version, already active, nothing to roll back to). */
async function asRegistryAnswer<T>(work: () => Promise<T>, status: 404 | 409): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RegistryError) throw new AppError(status, status === 404 ? 'not_found' : 'conflict', error.message);
    throw error;
  }
}

export const adminModelRoutes: FastifyPluginAsyncTypebox<Options> = async (app, { auth, registry, training }) => {
  app.get('/api/admin/models/versions', { schema: { response: { 200: ModelVersionsResponse, 401: ErrorResponse } } }, async (request) => {
    await requireAdmin(auth, request, ADMIN_ROLES);
    return { versions: (await registry.list(GROUP_HEAD)).map(versionSummary) };
  });

  app.get('/api/admin/models/versions/:version/curve', { schema: { params: ModelVersionParams, response: { 200: ModelCurveResponse, 401: ErrorResponse, 404: ErrorResponse } } }, async (request) => {
    await requireAdmin(auth, request, ADMIN_ROLES);
    const version = (await registry.list(GROUP_HEAD)).find((candidate) => candidate.version === request.params.version);
    if (!version) throw new AppError(404, 'not_found', `No ${GROUP_HEAD} version "${request.params.version}".`);
    // The shipped head was trained before the registry kept curves.
    return { version: version.version, curve: version.curve ?? [] };
  });

  app.get('/api/admin/models/runs', { schema: { response: { 200: TrainingRunsResponse, 401: ErrorResponse } } }, async (request) => {
    await requireAdmin(auth, request, ADMIN_ROLES);
    return { runs: await registry.runs(GROUP_HEAD) };
  });

  app.post('/api/admin/models/train', { schema: { response: { 202: TrainingStartedResponse, ...CHANGE_ERRORS } } }, async (request, reply) => {
    await requireAdmin(auth, request, OWNER);
    await training.trainNow();
    return reply.code(202).send({ message: 'Training started.' });
  });

  app.post('/api/admin/models/versions/:version/promote', { schema: { params: ModelVersionParams, response: { 200: ModelVersionResponse, ...CHANGE_ERRORS } } }, async (request) => {
    await requireAdmin(auth, request, OWNER);
    const { version } = request.params;
    const known = (await registry.list(GROUP_HEAD)).some((candidate) => candidate.version === version);
    return versionSummary(await asRegistryAnswer(() => registry.promote(GROUP_HEAD, version), known ? 409 : 404));
  });

  app.post('/api/admin/models/rollback', { schema: { response: { 200: ModelVersionResponse, ...CHANGE_ERRORS } } }, async (request) => {
    await requireAdmin(auth, request, OWNER);
    return versionSummary(await asRegistryAnswer(() => registry.rollback(GROUP_HEAD), 409));
  });
};
