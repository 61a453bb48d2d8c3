/**
 * A believable order history for the demo store, so recommendations and the console's numbers mean
 * something from the first minute: opening hours 08–20 with lunch and dinner peaks, busier weekends
 * with more older customers, one to four dishes a basket (more in the evening and at weekends), dishes
 * that go together, and each group's own favourites. Pure and seeded: the same options give the same orders.
 */
import { FACE_GROUPS, type FaceGroup } from '../domain/customer-group';
import type { Menu, MenuItem } from '../domain/menu';
import type { CustomerGroup, DiningOption, UiMode } from '../domain/order-rules';
import type { LineRequest } from '../domain/pricing';
import { seededRandom } from '../shared/seeded-random';
import { daypartOf, type Daypart } from './dayparts';
import type { HistoryOrder } from './order-history';
import { StoreClock } from './store-clock';

export type DemoOrder = { createdAt: number; group: CustomerGroup; uiMode: UiMode; voiceUsed: boolean; diningOption: DiningOption; lines: LineRequest[] };

export type DemoOrderOptions = {
  days: number;
  /** Orders on an average day (weekdays a little fewer, weekends more). */
  perDay: number;
  seed: number;
  /** The history ends at this instant (epoch ms), on its local day; nothing later is made. */
  end: number;
  timeZone: string;
  /** Each group's favourite dishes, strongest first; the same list for every group makes a store where groups do not differ. */
  tastes?: Readonly<Record<FaceGroup, readonly string[]>>;
};

/** The demo menu's favourites of each group, strongest first. */
export const DEMO_TASTES: Readonly<Record<FaceGroup, readonly string[]>> = {
  senior_male: ['seolleongtang', 'yukgaejang', 'mackerel-set', 'sikhye', 'kimchi-jeon'],
  senior_female: ['doenjang-stew', 'kalguksu', 'sujeonggwa', 'janchi-guksu', 'sikhye'],
  general_male: ['jeyuk', 'kimchi-stew', 'cola', 'gun-mandu', 'bulgogi-set'],
  general_female: ['bibimbap', 'naengmyeon', 'americano', 'cider', 'gyeran-mari'],
};

/** How much more a group picks its n-th favourite than any other dish. */
const FAVOURITE_WEIGHTS = [6, 4.5, 3.5, 2.8, 2.2];

/** Dishes the hour favours or not, whoever orders (coffee in the morning, pancakes in the evening). */
const DAYPART_WEIGHTS: Partial<Record<Daypart, Readonly<Record<string, number>>>> = {
  morning: { americano: 3, seolleongtang: 1.8, yukgaejang: 1.3, 'bulgogi-set': 0.6, 'kimchi-jeon': 0.4, cola: 0.6 },
  lunch: { kalguksu: 1.3, bibimbap: 1.2, 'kimchi-stew': 1.2, naengmyeon: 1.2 },
  afternoon: { 'kimchi-jeon': 2, 'gun-mandu': 1.8, 'gyeran-mari': 1.5, sikhye: 1.5, americano: 1.8, naengmyeon: 1.3 },
  evening: { 'bulgogi-set': 1.8, jeyuk: 1.5, 'kimchi-jeon': 1.5, 'mackerel-set': 1.3, cola: 1.3, cider: 1.3, americano: 0.4 },
};

/** A side or drink that goes with a dish already in the basket is much likelier. */
const COMPANIONS: Readonly<Record<string, readonly string[]>> = {
  naengmyeon: ['gun-mandu'],
  kalguksu: ['kimchi-jeon'],
  'janchi-guksu': ['kimchi-jeon'],
  'kimchi-stew': ['gyeran-mari'],
  jeyuk: ['cola'],
  'bulgogi-set': ['cider'],
};
const COMPANION_WEIGHT = 4;

/** Relative orders per opening hour 08–19, weekday and weekend: lunch and dinner peaks, a later, wider lunch at weekends. */
const HOURLY = {
  weekday: [0.3, 0.4, 0.5, 1.6, 2.6, 1.4, 0.6, 0.5, 0.6, 1.2, 1.9, 1.2],
  weekend: [0.2, 0.3, 0.6, 1.3, 2.0, 1.9, 1.0, 0.7, 0.7, 1.2, 1.7, 1.1],
};
const OPENING_HOUR = 8;

const GROUP_MIX: Readonly<Record<CustomerGroup, number>> = { senior_male: 0.17, senior_female: 0.19, general_male: 0.28, general_female: 0.26, unknown: 0.1 };

type Role = 'main' | 'side' | 'drink';

export function generateDemoOrders(menu: Menu, options: DemoOrderOptions): DemoOrder[] {
  const random = seededRandom(options.seed);
  const clock = new StoreClock(options.timeZone);
  const tastes = options.tastes ?? DEMO_TASTES;
  const pick = <T>(choices: readonly T[], weights: readonly number[]): T => {
    let remaining = random() * weights.reduce((sum, weight) => sum + weight, 0);
    for (let index = 0; index < choices.length; index += 1) {
      remaining -= weights[index]!;
      if (remaining < 0) return choices[index]!;
    }
    return choices[choices.length - 1]!;
  };
  const byRole = (role: Role) => {
    const items = menu.items.filter((item) => roleOf(item) === role);
    return items.length > 0 ? items : menu.items;
  };
  const pools: Record<Role, MenuItem[]> = { main: byRole('main'), side: byRole('side'), drink: byRole('drink') };

  const pickItem = (role: Role, taste: FaceGroup, daypart: Daypart, basket: readonly LineRequest[]): MenuItem => {
    const favourites = tastes[taste];
    const companions = new Set(basket.flatMap((line) => COMPANIONS[line.itemId] ?? []));
    const weights = pools[role].map((item) => {
      const rank = favourites.indexOf(item.id);
      return (rank >= 0 ? (FAVOURITE_WEIGHTS[rank] ?? 1) : 1) * (DAYPART_WEIGHTS[daypart]?.[item.id] ?? 1) * (companions.has(item.id) ? COMPANION_WEIGHT : 1);
    });
    return pick(pools[role], weights);
  };

  const orderAt = (createdAt: number, weekend: boolean): DemoOrder => {
    const hour = clock.hourOf(createdAt);
    const daypart = daypartOf(hour);
    const groups = Object.keys(GROUP_MIX) as CustomerGroup[];
    const group = pick(
      groups,
      groups.map((candidate) => GROUP_MIX[candidate] * groupModifier(candidate, daypart, weekend)),
    );
    // Customers the camera could not place still have a taste: one of the four.
    const taste = group === 'unknown' ? pick(FACE_GROUPS, FACE_GROUPS.map((face) => GROUP_MIX[face])) : group;
    const senior = taste.startsWith('senior');
    const size = pick([1, 2, 3, 4], weekend ? [0.25, 0.33, 0.25, 0.17] : daypart === 'lunch' ? [0.45, 0.33, 0.15, 0.07] : [0.35, 0.35, 0.2, 0.1]);
    const lines: LineRequest[] = [];
    for (let picked = 0; picked < size; picked += 1) {
      // A snack in the afternoon may start with a side; otherwise a basket starts with a meal.
      const role: Role = picked === 0 ? (daypart === 'afternoon' && random() < 0.3 ? 'side' : 'main') : pick(['main', 'side', 'drink'] as const, [0.35, 0.3, 0.35]);
      const item = pickItem(role, taste, daypart, lines);
      const same = lines.find((line) => line.itemId === item.id);
      if (same) same.quantity += 1;
      else lines.push({ itemId: item.id, quantity: 1, options: optionsFor(item) });
    }
    const easyShare = group === 'unknown' ? 0.2 : senior ? 0.7 : 0.04;
    const takeoutShare = senior ? 0.1 : daypart === 'lunch' && !weekend ? 0.35 : 0.25;
    const uiMode: UiMode = random() < easyShare ? 'easy' : 'standard';
    // Voice is mostly used in easy mode, where the kiosk talks and listens.
    const voiceShare = uiMode === 'easy' ? 0.3 : 0.03;
    return {
      createdAt,
      group,
      uiMode,
      voiceUsed: random() < voiceShare,
      diningOption: random() < takeoutShare ? 'takeout' : 'dine_in',
      lines,
    };
  };

  /** Mostly each option's default; now and then another value (extra rice, iced, large). */
  const optionsFor = (item: MenuItem): Record<string, string> => {
    const chosen: Record<string, string> = {};
    for (const groupId of item.optionGroupIds) {
      const values = menu.optionGroups.find((group) => group.id === groupId)?.values ?? [];
      if (values.length > 1 && random() < 0.2) chosen[groupId] = values[1 + Math.floor(random() * (values.length - 1))]!.id;
    }
    return chosen;
  };

  const orders: DemoOrder[] = [];
  const lastDay = clock.dateOf(options.end);
  for (let back = options.days - 1; back >= 0; back -= 1) {
    const date = addDays(lastDay, -back);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const hourly = weekend ? HOURLY.weekend : HOURLY.weekday;
    const count = Math.round(options.perDay * (weekend ? 1.18 : 0.93) * (0.85 + 0.3 * random()));
    for (let index = 0; index < count; index += 1) {
      const hour = OPENING_HOUR + pick(hourly.map((_, offset) => offset), hourly);
      const createdAt = clock.instantAt(date, hour, Math.floor(random() * 60), Math.floor(random() * 60));
      if (createdAt <= options.end) orders.push(orderAt(createdAt, weekend));
    }
  }
  return orders.sort((a, b) => a.createdAt - b.createdAt);
}

/** The generated orders as the recommender learns from them (ids `demo-1`, `demo-2`… in time order). */
export function demoHistory(orders: readonly DemoOrder[]): HistoryOrder[] {
  return orders.map((order, index) => ({
    id: `demo-${index + 1}`,
    createdAt: order.createdAt,
    group: order.group,
    items: order.lines.map((line) => ({ itemId: line.itemId, quantity: line.quantity })),
  }));
}

function roleOf(item: MenuItem): Role {
  if (item.categoryId === 'drinks') return 'drink';
  if (item.categoryId === 'sides') return 'side';
  return 'main';
}

/** Older customers come more in the morning and at weekends; office workers crowd weekday lunch and the evening. */
function groupModifier(group: CustomerGroup, daypart: Daypart, weekend: boolean): number {
  if (group === 'unknown') return 1;
  const senior = group.startsWith('senior');
  let modifier = 1;
  if (weekend && senior) modifier *= 1.4;
  if (!weekend && daypart === 'lunch' && !senior) modifier *= 1.3;
  if (daypart === 'morning' && senior) modifier *= 1.5;
  if (daypart === 'evening' && !senior) modifier *= 1.2;
  return modifier;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
