import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema';
import type { ModelStatus, ModelVersion, RunStatus, RunTrigger, TrainingRun } from './model-version';

export class ModelRegistryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Runs `work` in one transaction, so a status change is all or nothing. */
  transaction<T>(work: (repository: ModelRegistryRepository) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(new ModelRegistryRepository(trx)));
  }

  async insert(version: ModelVersion): Promise<void> {
    await this.db
      .insertInto('model_versions')
      .values({
        model: version.model,
        version: version.version,
        status: version.status,
        created_at: version.createdAt,
        activated_at: version.activatedAt,
        previous_version: version.previousVersion,
        artifact_id: version.artifactId,
        metrics: JSON.stringify(version.metrics),
        params: JSON.stringify(version.params),
        curve: version.curve ? JSON.stringify(version.curve) : null,
        lineage: JSON.stringify(version.lineage),
      })
      .execute();
  }

  async find(model: string, version: string): Promise<ModelVersion | null> {
    const row = await this.db.selectFrom('model_versions').selectAll().where('model', '=', model).where('version', '=', version).executeTakeFirst();
    return row ? toVersion(row) : null;
  }

  async active(model: string): Promise<ModelVersion | null> {
    const row = await this.db.selectFrom('model_versions').selectAll().where('model', '=', model).where('status', '=', 'active').executeTakeFirst();
    return row ? toVersion(row) : null;
  }

  /** Newest first. */
  async list(model: string): Promise<ModelVersion[]> {
    const rows = await this.db.selectFrom('model_versions').selectAll().where('model', '=', model).orderBy('created_at', 'desc').orderBy('version', 'desc').execute();
    return rows.map(toVersion);
  }

  async setStatus(model: string, version: string, status: ModelStatus, activation?: { at: string; previousVersion: string | null }): Promise<void> {
    await this.db
      .updateTable('model_versions')
      .set({ status, ...(activation ? { activated_at: activation.at, previous_version: activation.previousVersion } : {}) })
      .where('model', '=', model)
      .where('version', '=', version)
      .execute();
  }

  async startRun(id: string, model: string, pid: number, at: string, trigger: RunTrigger): Promise<void> {
    await this.db.insertInto('training_runs').values({ id, model, status: 'running', pid, started_at: at, finished_at: null, error: null, version: null, trigger }).execute();
  }

  async finishRun(id: string, result: { status: Extract<RunStatus, 'succeeded' | 'failed'>; at: string; error?: string; version?: string }): Promise<void> {
    await this.db
      .updateTable('training_runs')
      .set({ status: result.status, finished_at: result.at, error: result.error ?? null, version: result.version ?? null })
      .where('id', '=', id)
      .execute();
  }

  async runningRuns(): Promise<{ id: string; pid: number | null }[]> {
    return this.db.selectFrom('training_runs').select(['id', 'pid']).where('status', '=', 'running').execute();
  }

  async runs(model: string): Promise<TrainingRun[]> {
    const rows = await this.db.selectFrom('training_runs').selectAll().where('model', '=', model).orderBy('started_at', 'desc').execute();
    return rows.map((row) => ({
      id: row.id,
      model: row.model,
      status: row.status as RunStatus,
      trigger: row.trigger as RunTrigger,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      error: row.error,
      version: row.version,
    }));
  }
}

function toVersion(row: Selectable<Database['model_versions']>): ModelVersion {
  return {
    model: row.model,
    version: row.version,
    status: row.status as ModelStatus,
    createdAt: row.created_at,
    activatedAt: row.activated_at,
    previousVersion: row.previous_version,
    artifactId: row.artifact_id,
    metrics: JSON.parse(row.metrics) as ModelVersion['metrics'],
    params: JSON.parse(row.params) as ModelVersion['params'],
    curve: row.curve ? (JSON.parse(row.curve) as ModelVersion['curve']) : null,
    lineage: JSON.parse(row.lineage) as ModelVersion['lineage'],
  };
}
