/**
 * Recommendations for the kiosk from the store's own orders: a recommender cache built from the
 * last half year at start and taught each new order as it is stored, so an answer costs
 * microseconds. Its settings are chosen from that history when it is built, and it is rebuilt in
 * the background once a day, so they follow the store (the old cache answers until the new is ready). Sold-out dishes, dishes no longer on the menu and what is already in the cart are
 * never suggested. Age-only mode (a console setting) has its own cache, built when first asked.
 */
import type { OrderResponse, RecommendationsResponse } from '../../contracts/http';
import type { CustomerGroup } from '../../domain/order-rules';
import { ordersFromLines, type HistoryOrder } from '../../recommend/order-history';
import type { Recommendation } from '../../recommend/recommendation';
import type { Recommender } from '../../recommend/recommender';
import { segmentOf } from '../../recommend/segments';
import { StoreClock } from '../../recommend/store-clock';
import { tunedRecommender } from '../../recommend/tune-recommender';
import type { OrderHistoryRepository } from '../repositories/order-history.repository';
import type { MenuService } from './menu.service';
import type { SettingsService } from './settings.service';

const HISTORY_DAYS = 180;
const SUGGESTIONS = 3;
const REBUILD_AFTER_MS = 24 * 60 * 60 * 1000;

type Model = { recommender: Recommender; loaded: ReadonlySet<string>; builtAt: number };

export type RecommendationContext = { storeId: string; timeZone: string; now: () => Date };

export class RecommendationService {
  private readonly models = new Map<boolean, Promise<Model>>();
  private readonly rebuilding = new Map<boolean, Promise<Model>>();
  private readonly clock: StoreClock;

  constructor(
    private readonly history: OrderHistoryRepository,
    private readonly menus: MenuService,
    private readonly settings: SettingsService,
    private readonly context: RecommendationContext,
  ) {
    this.clock = new StoreClock(context.timeZone);
  }

  /** Teaches every cache built so far; called once the order is stored. */
  orderCreated(order: OrderResponse): void {
    const learned: HistoryOrder = {
      id: order.id,
      createdAt: Date.parse(order.createdAt),
      group: order.customerGroup as CustomerGroup,
      items: order.lines.map((line) => ({ itemId: line.itemId, quantity: line.quantity })),
    };
    // A rebuilt model sits in both maps for a moment while it takes over: teach it once.
    for (const model of new Set([...this.models.values(), ...this.rebuilding.values()])) {
      // An order stored while the history was being read is in it already; a failed load has nothing to teach.
      void model.then(
        ({ recommender, loaded }) => loaded.has(learned.id) || recommender.addOrder(learned),
        () => undefined,
      );
    }
  }

  async recommend(group: CustomerGroup, cart: readonly string[]): Promise<RecommendationsResponse> {
    const [settings, menu] = await Promise.all([this.settings.get(this.context.storeId), this.menus.getMenu()]);
    const { recommender: model } = await this.model(settings.recommendByAgeOnly);
    const onSale = new Set(menu.items.filter((item) => !item.soldOut).map((item) => item.id));
    const exclude = new Set([...model.knownItems().filter((itemId) => !onSale.has(itemId)), ...cart]);
    const hour = this.clock.hourOf(this.context.now().getTime());
    const items = model.recommend(group, hour, SUGGESTIONS, exclude);
    const pairs = cart.length > 0 ? model.pairs(cart, 2, new Set([...exclude, ...items.map((item) => item.itemId)])) : [];
    const segment = segmentOf(group, settings.recommendByAgeOnly);
    return {
      audience: segment && items.some((item) => item.reason.kind === 'group') ? { kind: 'group', segment, seniorAge: settings.seniorAge } : { kind: 'popular' },
      items: items.map(toResponse),
      pairs: pairs.map(toResponse),
    };
  }

  private async model(ageOnly: boolean): Promise<Model> {
    let model = this.models.get(ageOnly);
    if (!model) {
      model = this.build(ageOnly);
      // A failed load is not cached: the next question tries again.
      model.catch(() => this.models.delete(ageOnly));
      this.models.set(ageOnly, model);
      return model;
    }
    const current = await model;
    if (this.context.now().getTime() - current.builtAt > REBUILD_AFTER_MS && !this.rebuilding.has(ageOnly)) {
      const next = this.build(ageOnly);
      this.rebuilding.set(ageOnly, next);
      void next
        .then(
          () => this.models.set(ageOnly, next),
          () => undefined,
        )
        .finally(() => this.rebuilding.delete(ageOnly));
    }
    return current;
  }

  private async build(ageOnly: boolean): Promise<Model> {
    const builtAt = this.context.now().getTime();
    const lines = await this.history.linesSince(this.context.storeId, new Date(builtAt - HISTORY_DAYS * 86_400_000).toISOString());
    const orders = ordersFromLines(lines);
    // The settings (half-life, parts of the day, prior strength, days counted) are chosen from this history.
    const { recommender } = tunedRecommender(orders, { timeZone: this.context.timeZone, ageOnly }, SUGGESTIONS);
    return { recommender, loaded: new Set(orders.map((order) => order.id)), builtAt };
  }
}

function toResponse({ itemId, reason }: Recommendation): RecommendationsResponse['items'][number] {
  switch (reason.kind) {
    case 'group':
      return { itemId, reason: { kind: 'group', segment: reason.segment, share: reason.share, lift: reason.lift } };
    case 'popular':
      return { itemId, reason: { kind: 'popular', share: reason.share } };
    case 'pair':
      return { itemId, reason: { kind: 'pair', with: reason.with, lift: reason.lift } };
  }
}
