/** Reads a dataset's labels.csv (`file,age,gender`), refusing rows it cannot trust with the line named. */
import fs from 'node:fs/promises';

export type LabelledFace = { file: string; age: number; gender: 'female' | 'male' };

export class LabelsError extends Error {}

export function parseLabelsCsv(text: string, source = 'labels.csv'): LabelledFace[] {
  return parseLabelsCsvLines(text, source).map(({ face }) => face);
}

/** The same, each face with the line it came from (for messages about it later, e.g. a missing image). */
export function parseLabelsCsvLines(text: string, source = 'labels.csv'): { face: LabelledFace; line: number }[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0]?.trim().toLowerCase().split(',').map((cell) => cell.trim());
  if (!header || header.join(',') !== 'file,age,gender') {
    throw new LabelsError(`${source}: the first line must be "file,age,gender".`);
  }
  const faces: { face: LabelledFace; line: number }[] = [];
  // Every bad row is named, not just the first, so a dataset is fixed in one pass.
  const problems: string[] = [];
  lines.slice(1).forEach((line, index) => {
    const row = readRow(line, `${source} line ${index + 2}`);
    if (typeof row === 'string') problems.push(row);
    else if (row) faces.push({ face: row, line: index + 2 });
  });
  if (problems.length > 0) throw new LabelsError(problems.join('\n'));
  return faces;
}

/** One row: its face, or its problem, or null for a blank line. */
function readRow(line: string, where: string): LabelledFace | string | null {
  if (!line.trim()) return null;
  const [file = '', ageText = '', genderText = '', ...rest] = line.split(',').map((cell) => cell.trim());
  if (rest.length > 0) return `${where}: expected 3 columns, found ${3 + rest.length}.`;
  if (!file || file.includes('..') || file.startsWith('/') || file.includes('\\')) return `${where}: "${file}" is not a plain file name inside images/.`;
  const age = Number(ageText);
  if (!ageText || !Number.isFinite(age) || age < 0 || age > 120) return `${where}: age "${ageText}" is not a number from 0 to 120.`;
  const gender = genderText.toLowerCase();
  if (gender !== 'female' && gender !== 'male') return `${where}: gender must be "female" or "male", not "${genderText}".`;
  return { file, age, gender };
}

export async function readLabelsCsv(file: string): Promise<LabelledFace[]> {
  return parseLabelsCsv(await fs.readFile(file, 'utf8'), file);
}
