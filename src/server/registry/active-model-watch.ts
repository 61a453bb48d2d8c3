/**
 * Announces a model's active version, retained on `models/{model}/active`, at start and whenever
 * it changes. The registries also change in other processes (`kiosk model promote` is a separate
 * CLI, another server may share the database, and the embedded broker lets only the server
 * publish), so the server polls them: one indexed read every few seconds, and kiosks hear of a
 * promotion, rollback or auto-promotion within that time, whoever made it.
 */
import type { FleetClient } from '../iot/fleet-client';
import type { ModelRegistryService } from './model-registry.service';
import { GROUP_HEAD } from './model-version';

/** What kiosks are told: the version to run, and where to load it. */
export type ActiveModel = { model: string; version: string; url: string };

/** Versioned, so a kiosk loads exactly the announced version and caches may keep it. */
export const versionUrl = (model: string, version: string) => `/models/${model}/versions/${encodeURIComponent(version)}/model.json`;

/** The group head's active version in the camera registry, at its versioned URL. */
export function activeGroupHead(registry: ModelRegistryService): () => Promise<ActiveModel | null> {
  return async () => {
    const active = await registry.active(GROUP_HEAD);
    return active ? { model: GROUP_HEAD, version: active.version, url: versionUrl(GROUP_HEAD, active.version) } : null;
  };
}

export function watchActiveModel(active: () => Promise<ActiveModel | null>, publisher: FleetClient, options: { intervalMs: number; onError: (error: unknown) => void }): { stop(): void } {
  let announced: string | undefined;
  const check = async () => {
    const current = await active();
    if (!current || current.version === announced) return;
    publisher.modelActive(current.model, current.version, current.url);
    announced = current.version;
  };
  const tick = () => check().catch(options.onError);
  void tick();
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
