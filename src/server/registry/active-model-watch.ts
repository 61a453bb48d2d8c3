/**
 * Announces the group head's active version, retained on `models/group-head/active`, at start and
 * whenever it changes. The registry also changes in other processes (`kiosk model promote` is a
 * separate CLI, and the embedded broker lets only the server publish), so the server polls it: one
 * indexed read every few seconds, and kiosks hear of a promotion, rollback or auto-promotion within
 * that time, whoever made it.
 */
import type { FleetClient } from '../iot/fleet-client';
import type { ModelRegistryService } from './model-registry.service';
import { GROUP_HEAD } from './model-version';

/** Versioned, so a kiosk loads exactly the announced version and caches may keep it. */
export const versionUrl = (model: string, version: string) => `/models/${model}/versions/${encodeURIComponent(version)}/model.json`;

export function watchActiveModel(registry: ModelRegistryService, publisher: FleetClient, options: { intervalMs: number; onError: (error: unknown) => void }): { stop(): void } {
  let announced: string | undefined;
  const check = async () => {
    const active = await registry.active(GROUP_HEAD);
    if (!active || active.version === announced) return;
    publisher.modelActive(GROUP_HEAD, active.version, versionUrl(GROUP_HEAD, active.version));
    announced = active.version;
  };
  const tick = () => check().catch(options.onError);
  void tick();
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
