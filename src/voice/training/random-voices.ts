/**
 * Many more synthetic speakers than espeak-ng ships: variant files with random pitch, formant
 * frequencies and strengths, voicing, breath and roughness, written into a private copy of
 * espeak-ng's data folder (links to the real files, plus our variants). Training on a crowd of
 * random voices is what lets the recognizer understand a voice it has never heard.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export type VoiceBank = { dataPath: string; variants: string[]; dispose(): Promise<void> };

export function systemEspeakData(): string {
  const version = execFileSync('espeak-ng', ['--version'], { encoding: 'utf8' });
  const match = /Data at:\s*(\S+)/.exec(version);
  if (!match) throw new Error('Could not find where espeak-ng keeps its data (espeak-ng --version).');
  return match[1]!;
}

export async function createVoiceBank(count: number, random: () => number): Promise<VoiceBank> {
  const system = systemEspeakData();
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-voices-'));
  const data = path.join(root, 'espeak-ng-data');
  const variantsDir = path.join(data, 'voices', '!v');
  await fs.mkdir(variantsDir, { recursive: true });
  for (const entry of await fs.readdir(system)) if (entry !== 'voices') await fs.symlink(path.join(system, entry), path.join(data, entry));
  for (const entry of await fs.readdir(path.join(system, 'voices'))) if (entry !== '!v') await fs.symlink(path.join(system, 'voices', entry), path.join(data, 'voices', entry));
  for (const entry of await fs.readdir(path.join(system, 'voices', '!v'))) await fs.symlink(path.join(system, 'voices', '!v', entry), path.join(variantsDir, entry));
  const variants = Array.from({ length: count }, (_, index) => `random${String(index).padStart(3, '0')}`);
  await Promise.all(variants.map((name) => fs.writeFile(path.join(variantsDir, name), randomVariant(name, random))));
  return { dataPath: root, variants, dispose: () => fs.rm(root, { recursive: true, force: true }) };
}

/** One random speaker, within the ranges espeak-ng's own variants span. */
function randomVariant(name: string, random: () => number): string {
  const between = (low: number, high: number) => Math.round(low + random() * (high - low));
  const female = random() < 0.5;
  const base = female ? between(140, 230) : between(65, 130);
  const lines = [`language variant`, `name ${name}`, `gender ${female ? 'female' : 'male'}`, `pitch ${base} ${base + between(30, 110)}`];
  if (random() < 0.25) lines.push(`klatt ${between(1, 4)}`);
  const scale = female ? [100, 125] : [85, 108];
  for (let formant = 0; formant <= 8; formant += 1) {
    lines.push(`formant ${formant} ${between(scale[0]!, scale[1]! + (formant >= 2 ? 20 : 0))} ${between(50, 150)} ${between(80, 160)}`);
  }
  lines.push(`voicing ${between(40, 110)}`, `consonants ${between(60, 130)} ${between(50, 120)}`, `roughness ${between(0, 4)}`, `flutter ${between(0, 6)}`);
  if (random() < 0.3) lines.push(`breath ${Array.from({ length: 8 }, () => between(0, 4)).join(' ')}`);
  if (random() < 0.2) lines.push(`echo ${between(80, 160)} ${between(5, 15)}`);
  return `${lines.join('\n')}\n`;
}
