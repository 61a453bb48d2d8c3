/** The model card shipped beside the head: what it was trained on, how it does, and where it falls short. */
import fs from 'node:fs/promises';
import { FACE_GROUPS } from '../../domain/customer-group';
import type { GroupHeadModel } from './group-head';
import { CONFUSION_COLUMNS, type GroupMetrics } from './metrics';

export async function writeModelCard(file: string, model: GroupHeadModel, validation: GroupMetrics): Promise<void> {
  const card = model.card as Record<string, unknown>;
  const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
  const lines = [
    `# Group head ${model.version}`,
    '',
    'Predicts `senior_male`, `senior_female`, `general_male`, `general_female` from one face, on the kiosk.',
    `Senior means age ${model.seniorAge} or older. Made by \`npx kiosk vision train\`; this file is written with the model.`,
    '',
    '## Inputs',
    `Face features (${model.featureVersion}): Human's BlazeFace finds the face; on its crop, Human's faceres model gives a`,
    '1024-d embedding, a 100-bin age distribution and a gender score. The head standardises them and applies',
    `${model.layers.length === 1 ? 'one softmax layer' : `an MLP of ${model.layers.length} layers`}; its confidence is calibrated by temperature scaling (T = ${model.temperature}).`,
    '',
    '## Data',
    `Trained on \`${String(card.data)}\` (AAF train split: mostly East Asian faces), faces aged 15 and over:`,
    `${String(card.faces)} images, ${String(card.noFace)} without a detected face, ${String(card.train)} for training and`,
    `${String(card.validationFaces)} held out for validation (the same share of each group, seed ${String(card.seed)}).`,
    '',
    '## Validation (held-out split)',
    '| metric | value |',
    '| --- | --- |',
    `| accuracy | ${pct(validation.accuracy)} |`,
    `| macro F1 | ${validation.macroF1.toFixed(3)} |`,
    `| senior recall | ${pct(validation.seniorRecall)} |`,
    `| senior precision | ${pct(validation.seniorPrecision)} |`,
    `| gender accuracy | ${pct(validation.genderAccuracy)} |`,
    ...FACE_GROUPS.map((group) => `| F1 ${group} | ${validation.perGroupF1[group].toFixed(3)} |`),
    '',
    `Confusion (rows: truth; columns: ${CONFUSION_COLUMNS.join(', ')}):`,
    '',
    '```',
    ...validation.confusion.map((row, index) => `${FACE_GROUPS[index]!.padEnd(16)}${row.map((cell) => String(cell).padStart(6)).join('')}`),
    '```',
    '',
    '## Limits',
    '- Almost all errors are age near the boundary: people in their late 50s and early 60s are hard to tell apart from one photo.',
    '- Trained on East Asian faces in web photos; other populations, lighting and camera angles may do worse.',
    '- Gender is treated as two classes from appearance; the kiosk uses the result only to offer help, never to withhold anything,',
    '  and an unsure decision means `unknown` (no change to the screen).',
    '- The AAF data has no licence for redistribution: no image of it ships with the product, only these learnt weights.',
    '',
  ];
  await fs.writeFile(file, lines.join('\n'));
}
