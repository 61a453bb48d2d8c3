/**
 * Korean order understanding: text → intents, for every speech engine. Menu words (names and
 * aliases) come from the menu, so a new dish is understood the moment it is added; near misses of
 * a speech recognizer (김치찌게, 육계장) are matched by jamo distance.
 */
import type { Menu } from '../../domain/menu';
import { COMMAND_WORDS, CONNECTOR_PATTERN, FILLER_WORDS, NO_WORDS, POLITE_WORDS, YES_WORDS, type CommandWord } from './command-words';
import type { Intent, ParseResult } from './intents';
import { editDistance, jamoOf } from './jamo-distance';
import { COUNTERS, findQuantities } from './korean-numbers';

type OptionChoice = { groupId: string; valueId: string };

type Mention =
  | { kind: 'item'; start: number; itemId: string }
  | { kind: 'option'; start: number; choices: OptionChoice[] }
  | { kind: 'quantity'; start: number; value: number }
  | { kind: 'command'; start: number; command: CommandWord }
  | { kind: 'answer'; start: number; intent: Intent }
  | { kind: 'break'; start: number };

type Phrase<T> = { compact: string; jamo: string; target: T };

const MASK = '\u25a1';
const compactOf = (text: string) => text.replace(/\s+/g, '');

export class OrderParser {
  private readonly items: Phrase<string>[];
  private readonly options: Phrase<OptionChoice[]>[];
  private readonly commands: Phrase<CommandWord>[];
  private readonly itemGroups: Map<string, string[]>;

  constructor(menu: Menu) {
    this.items = phrases(menu.items.flatMap((item) => [item.ko, ...item.aliases].map((words) => [words, item.id] as const)));
    const optionTargets = new Map<string, OptionChoice[]>();
    for (const group of menu.optionGroups) {
      for (const value of group.values) {
        for (const words of [value.ko, ...value.aliases]) {
          const key = compactOf(words);
          optionTargets.set(key, [...(optionTargets.get(key) ?? []), { groupId: group.id, valueId: value.id }]);
        }
      }
    }
    this.options = phrases([...optionTargets]);
    this.commands = phrases((Object.entries(COMMAND_WORDS) as [CommandWord, readonly string[]][]).flatMap(([command, words]) => words.map((word) => [word, command] as const)));
    this.itemGroups = new Map(menu.items.map((item) => [item.id, item.optionGroupIds]));
  }

  parse(text: string): ParseResult {
    // Commas stay (they separate dishes); other punctuation goes.
    const normalized = text.toLowerCase().replace(/,/g, ' , ').replace(/[?!.~…·"'“”‘’()]/g, ' ').replace(/\s+/g, ' ').trim();
    const scan = { text: compactOf(normalized), mentions: [] as Mention[] };
    this.findAnswer(normalized, scan);
    takeExact(scan, this.items, (start, itemId) => ({ kind: 'item', start, itemId }));
    takeExact(scan, this.options, (start, choices) => ({ kind: 'option', start, choices }));
    takeExact(scan, this.commands, (start, command) => ({ kind: 'command', start, command }));
    for (const quantity of findQuantities(scan.text)) {
      scan.mentions.push({ kind: 'quantity', start: quantity.start, value: quantity.value });
      scan.text = mask(scan.text, quantity.start, quantity.end);
    }
    this.takeNearMisses(scan, wordStarts(normalized));
    for (const connector of scan.text.matchAll(CONNECTOR_PATTERN)) scan.mentions.push({ kind: 'break', start: connector.index });
    const intents = this.assemble(scan.mentions.sort((a, b) => a.start - b.start));
    // "짜장면 하나요": a number or option about a dish we do not have is not an answer.
    const bare = intents.length > 0 && intents.every((intent) => intent.type === 'quantity' || intent.type === 'option');
    if (intents.length === 0 || (bare && hasUnknownWord(normalized, scan.text))) return { intents: [{ type: 'unknown' }] };
    return { intents };
  }

  /** "네" / "아니요" as the first word after any "음" or "아"; "네 개" is a quantity, left for the number reader. */
  private findAnswer(normalized: string, scan: { text: string; mentions: Mention[] }): void {
    const words = normalized.split(' ');
    let skipped = 0;
    while (skipped < words.length - 1 && (FILLER_WORDS.includes(words[skipped]!) || words[skipped] === ',')) skipped += 1;
    const answer = words.slice(skipped).filter((word) => word !== ',').join(' ');
    const start = words.slice(0, skipped).join('').length;
    const compact = scan.text.slice(start);
    const counterFollows = (word: string) => COUNTERS.some((counter) => compact.startsWith(word + counter));
    for (const [candidates, intent] of [[YES_WORDS, { type: 'yes' }], [NO_WORDS, { type: 'no' }]] as const) {
      const word = candidates.find((candidate) => answer === candidate || answer.startsWith(`${candidate} `) || compact === `${candidate}요`);
      if (word && !counterFollows(word)) {
        scan.mentions.push({ kind: 'answer', start, intent });
        scan.text = mask(scan.text, start, start + compactOf(word).length);
        return;
      }
    }
  }

  /**
   * Menu words the recognizer got slightly wrong, in what no exact match has claimed. Only at the
   * start of a word: "하나만 주세요" must not become 만두.
   */
  private takeNearMisses(scan: { text: string; mentions: Mention[] }, starts: Set<number>): void {
    for (const start of [...starts].sort((a, b) => a - b)) {
      const rest = scan.text.slice(start).split(MASK)[0]!;
      if (rest.length < 2) continue;
      const best = this.nearestItem(rest);
      if (!best) continue;
      scan.mentions.push({ kind: 'item', start, itemId: best.itemId });
      scan.text = mask(scan.text, start, start + best.length);
    }
  }

  private nearestItem(rest: string): { itemId: string; length: number } | null {
    let best: { itemId: string; length: number; distance: number } | null = null;
    const windows = new Map<number, string>();
    const windowJamo = (length: number) => windows.get(length) ?? windows.set(length, jamoOf(rest.slice(0, length))).get(length)!;
    for (const phrase of this.items) {
      const size = phrase.compact.length;
      for (const length of [size - 1, size, size + 1]) {
        if (length < 2 || length > rest.length) continue;
        const distance = editDistance(windowJamo(length), phrase.jamo);
        // One jamo off for short words, two for long ones, and never a quarter of the word.
        const allowed = size <= 2 ? 1 : 2;
        if (distance > allowed || distance / phrase.jamo.length > 0.25) continue;
        if (!best || distance < best.distance) best = { itemId: phrase.target, length, distance };
      }
    }
    return best;
  }

  /** Numbers and options belong to the dish before them ("콜라 두 개"), or to the next one when said first ("두 개 콜라"). */
  private assemble(mentions: Mention[]): Intent[] {
    const intents: Intent[] = [];
    let current: Extract<Intent, { type: 'add' }> | null = null;
    let currentQuantitySaid = false;
    let pendingQuantity: number | null = null;
    let pendingOptions: OptionChoice[][] = [];
    const applyOption = (target: Extract<Intent, { type: 'add' }>, choices: OptionChoice[]) => {
      const groups = this.itemGroups.get(target.itemId) ?? [];
      const choice = choices.find((candidate) => groups.includes(candidate.groupId));
      if (choice) target.options[choice.groupId] = choice.valueId;
      return Boolean(choice);
    };
    for (const mention of mentions) {
      switch (mention.kind) {
        case 'item': {
          current = { type: 'add', itemId: mention.itemId, quantity: pendingQuantity ?? 1, options: {} };
          currentQuantitySaid = pendingQuantity !== null;
          for (const choices of pendingOptions) applyOption(current, choices);
          pendingQuantity = null;
          pendingOptions = [];
          intents.push(current);
          break;
        }
        case 'quantity':
          if (current && !currentQuantitySaid) {
            current.quantity = mention.value;
            currentQuantitySaid = true;
          } else {
            pendingQuantity = mention.value;
          }
          break;
        case 'option':
          if (!current || !applyOption(current, mention.choices)) pendingOptions.push(mention.choices);
          break;
        case 'command':
          if (mention.command === 'remove') {
            if (current) intents[intents.indexOf(current)] = { type: 'remove', itemId: current.itemId };
            current = null;
          } else {
            intents.push({ type: mention.command });
          }
          break;
        case 'answer':
          intents.push(mention.intent);
          break;
        case 'break':
          current = null;
          break;
      }
    }
    const anyItem = intents.some((intent) => intent.type === 'add' || intent.type === 'remove');
    if (!anyItem && pendingQuantity !== null) intents.push({ type: 'quantity', quantity: pendingQuantity });
    if (!anyItem && pendingOptions.length > 0) {
      // A bare answer ("곱빼기로요"): words that could mean two groups (보통) say nothing for sure.
      const options = Object.fromEntries(pendingOptions.filter((choices) => choices.length === 1).map(([choice]) => [choice!.groupId, choice!.valueId]));
      if (Object.keys(options).length > 0) intents.push({ type: 'option', options });
    }
    return intents;
  }
}

/** A word nothing recognised, that is not a filler or a polite ending: probably a dish we do not sell. */
function hasUnknownWord(normalized: string, masked: string): boolean {
  let position = 0;
  for (const word of normalized.split(' ')) {
    const span = masked.slice(position, position + word.length);
    position += word.length;
    const stem = word.replace(/(이요|요|은|는|이|가|을|를|도|만)$/, '');
    if (span.includes(MASK) || stem.length < 2 || FILLER_WORDS.includes(word) || POLITE_WORDS.includes(word)) continue;
    return true;
  }
  return false;
}

/** Where each word of the text begins, counted in the text without spaces. */
function wordStarts(normalized: string): Set<number> {
  const starts = new Set<number>();
  let position = 0;
  for (const word of normalized.split(' ')) {
    starts.add(position);
    position += word.length;
  }
  return starts;
}

function phrases<T>(entries: Iterable<readonly [string, T]>): Phrase<T>[] {
  const unique = new Map<string, T>();
  for (const [words, target] of entries) unique.set(compactOf(words.toLowerCase()), target);
  return [...unique]
    .map(([compact, target]) => ({ compact, jamo: jamoOf(compact), target }))
    .sort((a, b) => b.compact.length - a.compact.length);
}

/** Claims every occurrence of each phrase, longest first, so "물냉면" wins over "냉면". */
function takeExact<T>(scan: { text: string; mentions: Mention[] }, list: Phrase<T>[], mention: (start: number, target: T) => Mention): void {
  for (const phrase of list) {
    let from = scan.text.indexOf(phrase.compact);
    while (from !== -1) {
      scan.mentions.push(mention(from, phrase.target));
      scan.text = mask(scan.text, from, from + phrase.compact.length);
      from = scan.text.indexOf(phrase.compact, from + phrase.compact.length);
    }
  }
}

function mask(text: string, start: number, end: number): string {
  return text.slice(0, start) + MASK.repeat(end - start) + text.slice(end);
}
