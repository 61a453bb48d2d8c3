/**
 * `npm start` gives a store without printers a virtual one, printing every ticket as an image
 * under DATA_DIR/printouts and in the console, so an owner sees what would print before buying one.
 */
import type { PrintingService } from '../printing/printing.service';

export async function seedVirtualPrinter(printing: PrintingService): Promise<boolean> {
  if ((await printing.list()).length > 0) return false;
  await printing.add({ name: '가상 프린터 · Virtual printer', connection: 'virtual', tickets: ['order', 'receipt', 'kitchen'] });
  return true;
}
