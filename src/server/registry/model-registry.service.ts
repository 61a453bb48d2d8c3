/**
 * The model registry: versions with their metrics and lineage, which one is active, promotion by the
 * rule (promotion-rule.ts) or by hand, rollback, and the record of training runs. Artifacts go to the
 * file store as immutable content-addressed versions, so S3 works as well as local disk.
 */
import { randomUUID } from 'node:crypto';
import type { GroupMetrics } from '../../vision/head/metrics';
import type { FileStore } from '../storage/file-store';
import { getVersion, putVersion } from '../storage/file-versions';
import type { ModelRegistryRepository } from './model-registry.repository';
import type { ModelVersion, RunTrigger, TrainingRun } from './model-version';
import { promotionDecision, type PromotionDecision } from './promotion-rule';

export class RegistryError extends Error {}

export type NewVersion = Omit<ModelVersion, 'status' | 'createdAt' | 'activatedAt' | 'previousVersion' | 'artifactId'> & { artifact: Buffer };

const artifactKey = (model: string) => `models/${model}/model.json`;

export class ModelRegistryService {
  constructor(
    private readonly repository: ModelRegistryRepository,
    private readonly files: FileStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async registerCandidate(input: NewVersion): Promise<ModelVersion> {
    return this.insert(input, 'candidate');
  }

  /** The first version of a model (the one shipped in the repository) becomes active without a contest. */
  async importInitial(input: NewVersion): Promise<boolean> {
    if ((await this.repository.list(input.model)).length > 0) return false;
    try {
      await this.insert(input, 'active');
      return true;
    } catch (error) {
      // Two servers starting together on one empty database: the other one imported it.
      if ((await this.repository.list(input.model)).length > 0) return false;
      throw error;
    }
  }

  /**
   * Promotes the candidate if it beats the active model on the same frozen set. When the active
   * version was measured on another set (e.g. a smaller one in tests), it is measured again with
   * `evaluate`, so the two are always compared like for like.
   */
  async evaluateAndMaybePromote(candidate: ModelVersion, evaluate: (artifact: Buffer) => Promise<GroupMetrics>): Promise<PromotionDecision> {
    const active = await this.repository.active(candidate.model);
    const activeMetrics = !active
      ? null
      : active.metrics.frozenSet.hash === candidate.metrics.frozenSet.hash
        ? active.metrics
        : await evaluate(await this.artifact(active.model, active.version));
    const decision = promotionDecision(candidate.metrics, activeMetrics);
    if (!decision.promote) return decision;
    const activated = await this.repository.transaction(async (repository) => {
      // Someone may have promoted by hand while we measured: then this judgement is stale.
      if ((await repository.active(candidate.model))?.version !== active?.version) return false;
      await this.activate(repository, candidate.model, candidate.version);
      return true;
    });
    return activated ? decision : { promote: false, reason: 'refused: the active model changed during the evaluation' };
  }

  async promote(model: string, version: string): Promise<ModelVersion> {
    await this.repository.transaction(async (repository) => {
      const target = await repository.find(model, version);
      if (!target) throw new RegistryError(`No ${model} version "${version}".`);
      if (target.status === 'active') throw new RegistryError(`${model} ${version} is already active.`);
      await this.activate(repository, model, version);
    });
    return (await this.repository.find(model, version))!;
  }

  /** Re-activates the version the current one replaced, and retires the current one. Repeated, it walks back further. */
  async rollback(model: string): Promise<ModelVersion> {
    const version = await this.repository.transaction(async (repository) => {
      const current = await repository.active(model);
      const previous = current?.previousVersion ? await repository.find(model, current.previousVersion) : null;
      if (!current || !previous) throw new RegistryError(`${model} has no earlier active version to roll back to.`);
      await repository.setStatus(model, current.version, 'retired');
      // Keeps its own previous version, so a second rollback goes further back rather than forth.
      await repository.setStatus(model, previous.version, 'active', { at: this.now().toISOString(), previousVersion: previous.previousVersion });
      return previous.version;
    });
    return (await this.repository.find(model, version))!;
  }

  active(model: string): Promise<ModelVersion | null> {
    return this.repository.active(model);
  }

  list(model: string): Promise<ModelVersion[]> {
    return this.repository.list(model);
  }

  async artifact(model: string, version: string): Promise<Buffer> {
    const row = await this.repository.find(model, version);
    const stored = row ? await getVersion(this.files, artifactKey(model), row.artifactId) : null;
    if (!stored) throw new RegistryError(`No artifact for ${model} ${version}.`);
    return stored.data;
  }

  async startRun(model: string, trigger: RunTrigger = 'cli'): Promise<string> {
    const id = randomUUID();
    await this.repository.startRun(id, model, process.pid, this.now().toISOString(), trigger);
    return id;
  }

  async finishRun(id: string, result: { version: string } | { error: string }): Promise<void> {
    const at = this.now().toISOString();
    await this.repository.finishRun(id, 'version' in result ? { status: 'succeeded', at, version: result.version } : { status: 'failed', at, error: result.error });
  }

  /** A `running` run whose process is gone was killed (or crashed): it failed. */
  async failAbandonedRuns(isAlive: (pid: number) => boolean = processIsAlive): Promise<number> {
    const abandoned = (await this.repository.runningRuns()).filter((run) => run.pid === null || !isAlive(run.pid));
    for (const run of abandoned) await this.repository.finishRun(run.id, { status: 'failed', at: this.now().toISOString(), error: 'the training process stopped before it finished' });
    return abandoned.length;
  }

  runs(model: string): Promise<TrainingRun[]> {
    return this.repository.runs(model);
  }

  private async insert({ artifact, ...input }: NewVersion, status: 'candidate' | 'active'): Promise<ModelVersion> {
    const { versionId } = await putVersion(this.files, artifactKey(input.model), artifact, 'application/json');
    const at = this.now().toISOString();
    const version: ModelVersion = { ...input, status, createdAt: at, activatedAt: status === 'active' ? at : null, previousVersion: null, artifactId: versionId };
    await this.repository.insert(version);
    return version;
  }

  private async activate(repository: ModelRegistryRepository, model: string, version: string): Promise<void> {
    const current = await repository.active(model);
    if (current) await repository.setStatus(model, current.version, 'retired');
    await repository.setStatus(model, version, 'active', { at: this.now().toISOString(), previousVersion: current?.version ?? null });
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
