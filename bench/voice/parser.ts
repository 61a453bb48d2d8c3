/** How long the Korean order parser takes per utterance, over the whole corpus (after a warm-up pass). */
import { percentile } from '../../src/shared/percentile';
import { demoMenu } from '../../src/test-support/demo-menu';
import { ORDER_CORPUS } from '../../src/voice/understanding/order-corpus';
import { OrderParser } from '../../src/voice/understanding/order-parser';

export function measureParser(rounds = 5): { utterances: number; microsP50: number; microsP99: number } {
  const parser = new OrderParser(demoMenu());
  for (const entry of ORDER_CORPUS) parser.parse(entry.text);
  const timings: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const entry of ORDER_CORPUS) {
      const started = performance.now();
      parser.parse(entry.text);
      timings.push((performance.now() - started) * 1000);
    }
  }
  return { utterances: timings.length, microsP50: percentile(timings, 0.5), microsP99: percentile(timings, 0.99) };
}
