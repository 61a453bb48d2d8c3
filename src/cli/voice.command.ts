/** `kiosk voice parse`: what the order parser understands from a sentence, with the store's own menu. */
import type { Command } from 'commander';
import { loadConfig } from '../config/config';
import { openStore } from '../server/store';
import { OrderParser } from '../voice/understanding/order-parser';

export function registerVoiceCommands(program: Command): void {
  const voice = program.command('voice').description('voice ordering in Korean');

  voice
    .command('parse')
    .description("turn a Korean sentence into order intents (menu words from this store's menu)")
    .argument('<text>', 'what the customer said, e.g. "김치찌개 두 개 주세요"')
    .option('--json', 'print only the JSON object', false)
    .action(async (text: string, options: { json: boolean }) => {
      const store = await openStore(loadConfig());
      try {
        const result = new OrderParser(await store.menus.getMenu()).parse(text);
        if (!options.json) console.log(result.intents.map((intent) => `- ${JSON.stringify(intent)}`).join('\n'));
        console.log(JSON.stringify(result));
      } finally {
        await store.db.destroy();
      }
    });
}
