/**
 * The registry's active group head, read again only when the active version changes: its JSON for
 * the face pool's workers, and the head itself for judging a kiosk's features on the server.
 */
import type { FaceFeatures } from '../../vision/features/face-analyzer';
import { GroupHead, type GroupHeadModel, type GroupPrediction } from '../../vision/head/group-head';
import { headInputOf } from '../../vision/head/head-input';
import type { ModelRegistryService } from './model-registry.service';
import { GROUP_HEAD } from './model-version';

export type LoadedGroupHead = { version: string; json: string; head: GroupHead };

export class ActiveGroupHead {
  private loaded: LoadedGroupHead | null = null;

  constructor(private readonly registry: ModelRegistryService) {}

  /** The active head, or null when the registry has none. */
  async current(): Promise<LoadedGroupHead | null> {
    const active = await this.registry.active(GROUP_HEAD);
    if (!active) return null;
    if (this.loaded?.version !== active.version) {
      const json = (await this.registry.artifact(GROUP_HEAD, active.version)).toString('utf8');
      this.loaded = { version: active.version, json, head: new GroupHead(JSON.parse(json) as GroupHeadModel) };
    }
    return this.loaded;
  }

  /** What the active head makes of a face's features; null when the registry has no head. */
  async judge(features: FaceFeatures): Promise<GroupPrediction | null> {
    const active = await this.current();
    return active ? active.head.predict(headInputOf(features)) : null;
  }
}
