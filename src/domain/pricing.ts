import { defaultOptions, findItem, findOptionGroup, type Menu, type MenuItem, type OptionValue } from './menu';
import { ORDER_LIMITS } from './order-rules';

/** One line as a client asks for it: an item, how many, and the options said (others take defaults). */
export type LineRequest = {
  itemId: string;
  quantity: number;
  options?: Record<string, string>;
};

export type PricedOption = { groupId: string; value: OptionValue };

export type PricedLine = {
  item: MenuItem;
  quantity: number;
  options: PricedOption[];
  /** Item price plus option charges, for one unit. */
  unitPrice: number;
  lineTotal: number;
};

export type PricedOrder = { lines: PricedLine[]; total: number };

/** Why a request cannot become an order; `path` points at the offending field. */
export type OrderProblem = { path: string; message: string };

export type PricingResult = { ok: true; order: PricedOrder } | { ok: false; problems: OrderProblem[] };

/**
 * Prices lines from the menu alone: whatever price a client sends is never read.
 * Collects every problem instead of stopping at the first, so the error says all that is wrong.
 * `acceptSoldOut`: for an order a customer already holds a number for (taken offline, when the dish
 * was still on the kiosk's menu); staff settle it at the counter rather than the order vanishing.
 */
export function priceOrder(menu: Menu, lines: readonly LineRequest[], { acceptSoldOut = false } = {}): PricingResult {
  const problems: OrderProblem[] = [];
  if (lines.length === 0) problems.push({ path: 'items', message: 'The order has no items.' });
  if (lines.length > ORDER_LIMITS.maxLines) {
    problems.push({ path: 'items', message: `An order may have at most ${ORDER_LIMITS.maxLines} lines, not ${lines.length}.` });
  }
  const priced: PricedLine[] = [];
  lines.forEach((line, index) => {
    const result = priceLine(menu, line, `items[${index}]`, acceptSoldOut);
    if ('problems' in result) problems.push(...result.problems);
    else priced.push(result.line);
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, order: { lines: priced, total: priced.reduce((sum, line) => sum + line.lineTotal, 0) } };
}

function priceLine(menu: Menu, line: LineRequest, path: string, acceptSoldOut: boolean): { line: PricedLine } | { problems: OrderProblem[] } {
  const item = findItem(menu, line.itemId);
  if (!item) return { problems: [{ path: `${path}.itemId`, message: `Unknown item "${line.itemId}".` }] };
  const problems: OrderProblem[] = [];
  if (item.soldOut && !acceptSoldOut) problems.push({ path: `${path}.itemId`, message: `"${item.id}" is sold out.` });
  if (!isValidQuantity(line.quantity)) {
    problems.push({
      path: `${path}.quantity`,
      message: `Quantity must be a whole number from ${ORDER_LIMITS.minQuantity} to ${ORDER_LIMITS.maxQuantity}.`,
    });
  }
  const chosen = { ...defaultOptions(menu, item), ...line.options };
  const options: PricedOption[] = [];
  for (const [groupId, valueId] of Object.entries(chosen)) {
    const group = item.optionGroupIds.includes(groupId) ? findOptionGroup(menu, groupId) : undefined;
    if (!group) {
      problems.push({ path: `${path}.options.${groupId}`, message: `"${item.id}" has no option "${groupId}".` });
      continue;
    }
    const value = group.values.find((candidate) => candidate.id === valueId);
    if (!value) {
      problems.push({ path: `${path}.options.${groupId}`, message: `Option "${groupId}" has no value "${valueId}".` });
      continue;
    }
    options.push({ groupId, value });
  }
  if (problems.length > 0) return { problems };
  // Keep options in the item's own order so stored lines and receipts read the same way every time.
  options.sort((a, b) => item.optionGroupIds.indexOf(a.groupId) - item.optionGroupIds.indexOf(b.groupId));
  const unitPrice = item.price + options.reduce((sum, option) => sum + option.value.extraPrice, 0);
  return { line: { item, quantity: line.quantity, options, unitPrice, lineTotal: unitPrice * line.quantity } };
}

export function isValidQuantity(quantity: number): boolean {
  return Number.isInteger(quantity) && quantity >= ORDER_LIMITS.minQuantity && quantity <= ORDER_LIMITS.maxQuantity;
}
