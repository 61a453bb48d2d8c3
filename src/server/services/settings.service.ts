/**
 * A store's operator settings: defaults from the server's configuration, overridden by what an
 * owner saved in the console. Every change is checked whole against the schema before it is kept.
 */
import { Value } from 'typebox/value';
import { StoreSettings, type StoreSettingsPatch } from '../../contracts/http';
import type { Config } from '../../config/config';
import { DEFAULT_SENIOR_AGE } from '../../domain/customer-group';
import { AppError } from '../errors';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { SettingsRepository } from '../repositories/settings.repository';

export function defaultSettings(config: Config): StoreSettings {
  return {
    cameraPolicy: config.cameraPolicy,
    cameraMinConfidence: config.cameraMinConfidence,
    seniorAge: DEFAULT_SENIOR_AGE,
    autoLabelThreshold: 0.95,
    collection: 'embeddings',
    retentionDays: 90,
    operatingHours: config.operatingHours,
    weekdayHours: [null, null, null, null, null, null, null],
    closedWeekdays: [],
    breakTime: null,
    closedDates: [],
    retrainEveryDays: 60,
    retrainAfterNewLabels: 500,
    recommendByAgeOnly: false,
    counterPayment: false,
    staffMayCancel: false,
  };
}

export class SettingsService {
  constructor(
    private readonly settings: SettingsRepository,
    private readonly defaults: StoreSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(storeId: string): Promise<StoreSettings> {
    const saved = await this.settings.find(storeId);
    // Settings added after a store saved its own take their defaults.
    const merged = { ...this.defaults, ...(saved && typeof saved === 'object' ? saved : {}) };
    return Value.Check(StoreSettings, merged) ? merged : this.defaults;
  }

  async update(storeId: string, patch: StoreSettingsPatch): Promise<StoreSettings> {
    const next = { ...(await this.get(storeId)), ...patch };
    if (!Value.Check(StoreSettings, next)) {
      const problems = [...Value.Errors(StoreSettings, next)].map((error) => ({ path: error.instancePath, message: error.message }));
      throw new AppError(400, 'invalid_settings', `These settings are not valid: ${problems.map((problem) => `${problem.path} ${problem.message}`).join('; ')}.`, problems);
    }
    if (next.breakTime && next.breakTime.start >= next.breakTime.end) {
      const problem = { path: '/breakTime', message: 'must start before it ends, within one day' };
      throw new AppError(400, 'invalid_settings', `These settings are not valid: 브레이크 타임은 시작이 끝보다 빨라야 해요 · the break time must start before it ends (${next.breakTime.start}–${next.breakTime.end}).`, [problem]);
    }
    await this.settings.save(storeId, next, this.now().toISOString());
    return next;
  }
}

/** The store's settings as the server sees them, for commands run beside it (`kiosk data import` reads the senior age). */
export function storeSettings(db: Kysely<Database>, config: Config): Promise<StoreSettings> {
  return new SettingsService(new SettingsRepository(db), defaultSettings(config)).get(config.storeId);
}
