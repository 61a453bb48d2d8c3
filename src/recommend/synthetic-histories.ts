/**
 * Order histories of a structure we choose and therefore know, written apart from demo-orders.ts
 * (what `kiosk demo orders` makes), so the recommender is not judged only on the generator it grew
 * up beside. Generic dishes `dish-01`…; each pick is drawn from a softmax over each dish's appeal:
 *   base + groupTaste · (the group's taste, moving from an old to a new one when tastes change)
 *        + daypartTaste · (lunch's or dinner's own taste) + (a new dish's appeal from its first day).
 * Because the model is explicit, its own top k for any order is known: the best any recommender
 * could expect to do (the ceiling).
 */
import { FACE_GROUPS, type FaceGroup } from '../domain/customer-group';
import type { CustomerGroup } from '../domain/order-rules';
import { seededRandom } from '../shared/seeded-random';
import type { HistoryOrder } from './order-history';
import { StoreClock } from './store-clock';

export type HistoryScenario = {
  name: string;
  days: number;
  perDay: number;
  /** How much groups differ (0: not at all; 1: a favourite is picked about three times as often as an average dish). */
  groupTaste: number;
  /** How much the lunch and the dinner crowd's tastes differ from the rest of the day's. */
  daypartTaste: number;
  /** Each group's taste moves to a new one between these fractions of the days (equal: all at once); null: tastes stay. */
  tasteChange: { from: number; to: number } | null;
  /** A dish first sold at this fraction of the days, this much more appealing than an average one; null: none. */
  newDish: { from: number; appeal: number } | null;
  seed: number;
};

export type SyntheticHistory = {
  orders: HistoryOrder[];
  /** The generating model's own k most likely dishes for an order's group, hour and day. */
  modelTopK: (order: HistoryOrder, k: number) => string[];
};

const DISHES = 20;
const NEW_DISH = 'dish-new';
/** Who orders (customers of no known group have one of the four tastes, unseen). */
const GROUP_MIX: Readonly<Record<CustomerGroup, number>> = { senior_male: 0.18, senior_female: 0.2, general_male: 0.26, general_female: 0.26, unknown: 0.1 };
/** Relative orders per local hour from 10 to 21: a lunch and a dinner peak. */
const HOURLY = [0.5, 2.5, 3, 1.5, 0.6, 0.5, 0.8, 2, 2.6, 1.8, 0.8, 0.4];
const OPENING_HOUR = 10;
/** One dish, two or three a basket. */
const BASKET_SIZES = [0.5, 0.35, 0.15];
const TIME_ZONE = 'Asia/Seoul';
const DAY_MS = 24 * 60 * 60 * 1000;

type Meal = 'lunch' | 'dinner' | 'other';

export function syntheticHistory(scenario: HistoryScenario, end = Date.parse('2025-06-30T22:00:00+09:00')): SyntheticHistory {
  const random = seededRandom(scenario.seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const draws = (count: number) => Array.from({ length: count }, normal);
  const dishes = Array.from({ length: DISHES }, (_, index) => `dish-${String(index + 1).padStart(2, '0')}`);
  const base = draws(DISHES).map((value) => 0.8 * value);
  const tastes = (): Record<FaceGroup, number[]> => Object.fromEntries(FACE_GROUPS.map((group) => [group, draws(DISHES)])) as Record<FaceGroup, number[]>;
  const oldTastes = tastes();
  const newTastes = tastes();
  const mealTastes: Record<Meal, number[]> = { lunch: draws(DISHES), dinner: draws(DISHES), other: new Array<number>(DISHES).fill(0) };
  const clock = new StoreClock(TIME_ZONE);
  const firstDay = clock.dayNumberOf(end) - scenario.days + 1;

  /** How far tastes have moved on `day` (0 = old, 1 = new). */
  const changed = (day: number): number => {
    const change = scenario.tasteChange;
    if (!change) return 0;
    const fraction = (day - firstDay) / scenario.days;
    if (fraction >= change.to) return 1;
    if (fraction < change.from) return 0;
    return (fraction - change.from) / (change.to - change.from);
  };
  const newDishFrom = scenario.newDish ? firstDay + Math.floor(scenario.newDish.from * scenario.days) : Number.POSITIVE_INFINITY;

  /** Pick probabilities for a taste group at a local hour on a day (the new dish last). */
  const probabilities = (taste: FaceGroup, hour: number, day: number): number[] => {
    const moved = changed(day);
    const meal = mealTastes[mealOf(hour)];
    const appeal = dishes.map((_, dish) => base[dish]! + scenario.groupTaste * ((1 - moved) * oldTastes[taste][dish]! + moved * newTastes[taste][dish]!) + scenario.daypartTaste * meal[dish]!);
    if (day >= newDishFrom) appeal.push(scenario.newDish!.appeal);
    const weights = appeal.map(Math.exp);
    const sum = weights.reduce((total, weight) => total + weight, 0);
    return weights.map((weight) => weight / sum);
  };
  const names = (count: number) => (count > DISHES ? [...dishes, NEW_DISH] : dishes);

  const pick = (weights: readonly number[]): number => {
    let remaining = random() * weights.reduce((total, weight) => total + weight, 0);
    for (let index = 0; index < weights.length; index += 1) if ((remaining -= weights[index]!) < 0) return index;
    return weights.length - 1;
  };
  const groups = Object.keys(GROUP_MIX) as CustomerGroup[];
  const faceMix = FACE_GROUPS.map((group) => GROUP_MIX[group]);

  const orders: HistoryOrder[] = [];
  for (let day = firstDay; day < firstDay + scenario.days; day += 1) {
    for (let index = 0; index < scenario.perDay; index += 1) {
      const hour = OPENING_HOUR + pick(HOURLY);
      const createdAt = day * DAY_MS + hour * 3_600_000 + Math.floor(random() * 3_600_000) - 9 * 3_600_000;
      const group = groups[pick(groups.map((candidate) => GROUP_MIX[candidate]))]!;
      const taste = group === 'unknown' ? FACE_GROUPS[pick(faceMix)]! : group;
      const shares = probabilities(taste, hour, day);
      const basket = new Set<number>();
      const size = 1 + pick(BASKET_SIZES);
      // Without replacement: a dish chosen once has no weight left.
      while (basket.size < size) basket.add(pick(shares.map((share, dish) => (basket.has(dish) ? 0 : share))));
      const ids = names(shares.length);
      orders.push({ id: `s${orders.length + 1}`, createdAt, group, items: [...basket].map((dish) => ({ itemId: ids[dish]!, quantity: 1 })) });
    }
  }
  orders.sort((a, b) => a.createdAt - b.createdAt);

  const modelTopK = (order: HistoryOrder, k: number): string[] => {
    const hour = clock.hourOf(order.createdAt);
    const day = clock.dayNumberOf(order.createdAt);
    const faces: readonly FaceGroup[] = order.group === 'unknown' ? FACE_GROUPS : [order.group];
    const mixture = faces.map((face) => probabilities(face, hour, day)).reduce((sum, shares, index) => sum.map((value, dish) => value + (faces.length > 1 ? faceMix[index]! : 1) * shares[dish]!));
    const ids = names(mixture.length);
    return mixture
      .map((share, dish) => ({ share, id: ids[dish]! }))
      .sort((a, b) => b.share - a.share)
      .slice(0, k)
      .map(({ id }) => id);
  };
  return { orders, modelTopK };
}

function mealOf(hour: number): Meal {
  if (hour >= 11 && hour < 14) return 'lunch';
  if (hour >= 17 && hour < 21) return 'dinner';
  return 'other';
}
