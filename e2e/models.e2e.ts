/**
 * The console's models page in Chromium: the active version and its metrics, a candidate's training
 * curve, promote and roll back by hand, and "train now" ending as a failed run with its reason (this
 * server has no faces to train on); axe on every state.
 */
import { describe, expect, it } from 'vitest';
import { ModelRegistryRepository } from '../src/server/registry/model-registry.repository';
import { ModelRegistryService } from '../src/server/registry/model-registry.service';
import { GROUP_HEAD } from '../src/server/registry/model-version';
import { openFileStore } from '../src/server/storage/open-file-store';
import { axeViolations } from './support/accessibility';
import { consolePages, createConsoleUser, signIn } from './support/console-pages';
import { useKioskHarness } from './support/harness';
import { SHIPPED_HEAD_VERSION } from '../src/test-support/shipped-head';

const harness = useKioskHarness();
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const SHIPPED = SHIPPED_HEAD_VERSION;

/** A candidate as `kiosk model train` registers one: the shipped head's weights under a new name, with a curve. */
async function registerCandidate(version: string): Promise<void> {
  const registry = new ModelRegistryService(new ModelRegistryRepository(harness.server.db), await openFileStore(harness.server.config));
  const shipped = (await registry.active(GROUP_HEAD))!;
  const artifact = JSON.parse((await registry.artifact(GROUP_HEAD, SHIPPED)).toString()) as Record<string, unknown>;
  await registry.registerCandidate({
    model: GROUP_HEAD,
    version,
    artifact: Buffer.from(JSON.stringify({ ...artifact, version })),
    metrics: { ...shipped.metrics, macroF1: 0.812, seniorRecall: 0.79 },
    params: { l2: 0.01 },
    curve: Array.from({ length: 50 }, (_, epoch) => ({ l2: 0.01, epoch, loss: 1.4 * Math.exp(-epoch / 15) + 0.3, accuracy: 0.9 - 0.6 * Math.exp(-epoch / 12) })),
    lineage: { sources: ['console-e2e'], samples: Array.from({ length: 120 }, (_, index) => `face-${index}.jpg`), frozenSet: shipped.metrics.frozenSet },
  });
}

describe('console models page', () => {
  it('an owner sees the active model, a candidate and its curve, promotes, rolls back and trains; axe passes', async () => {
    await registerCandidate('candidate-e2e');
    const password = await createConsoleUser(harness.server, 'models-owner', 'owner');
    const page = await signIn(await harness.newPage(DESKTOP), harness.server.url, 'models-owner', password);
    await consolePages.open(page, 'models');

    await expect.poll(() => page.getByTestId('active-version').innerText()).toBe(SHIPPED);
    const candidate = consolePages.versionRow(page, 'candidate-e2e');
    expect(await candidate.innerText()).toMatch(/후보 · Candidate\s+0\.812\s+0\.790[\s\S]*120/);
    await page.getByText('이 버전은 학습 곡선이 없어요').waitFor();
    expect(await axeViolations(page, 'console models', { enhancedContrast: false })).toEqual([]);

    await candidate.getByRole('button', { name: '곡선 보기 · Curve' }).click();
    await page.getByTestId('training-curve').locator('.recharts-line').nth(1).waitFor();
    expect(await page.getByRole('heading', { name: /학습 곡선/ }).innerText()).toContain('candidate-e2e');
    expect(await axeViolations(page, 'console models: curve', { enhancedContrast: false })).toEqual([]);

    await candidate.getByRole('button', { name: '이 버전 사용 · Promote' }).click();
    await expect.poll(() => page.getByTestId('active-version').innerText()).toBe('candidate-e2e');
    expect(await consolePages.versionRow(page, SHIPPED).innerText()).toContain('이전 버전 · Retired');
    expect(((await (await fetch(`${harness.server.url}/models/group-head/model.json`)).json()) as { version: string }).version).toBe('candidate-e2e');

    await page.getByRole('button', { name: '이전 버전으로 되돌리기 · Roll back' }).click();
    await expect.poll(() => page.getByTestId('active-version').innerText()).toBe(SHIPPED);

    // No faces configured on this server: the run starts, fails with its reason, and the console says so.
    await page.getByRole('button', { name: '지금 학습 · Train now' }).click();
    await page.getByText('학습을 시작했어요 · Training started').waitFor();
    await page.locator('tr[data-run-status="failed"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('tr[data-run-status="failed"]').innerText()).toMatch(/실패 · Failed\s+수동 · Manual/);
    expect(await page.locator('tr[data-run-status="failed"] .run-error').innerText()).not.toBe('');
    await expect.poll(() => page.getByRole('button', { name: '지금 학습 · Train now' }).isEnabled()).toBe(true);
    expect(await page.getByTestId('active-version').innerText()).toBe(SHIPPED);
    expect(await axeViolations(page, 'console models: failed run', { enhancedContrast: false })).toEqual([]);
  }, 120_000);

  it('staff see the registry but get no buttons to change it', async () => {
    const password = await createConsoleUser(harness.server, 'models-staff', 'staff');
    const page = await signIn(await harness.newPage(DESKTOP), harness.server.url, 'models-staff', password);
    await consolePages.open(page, 'models');
    await page.getByTestId('active-version').waitFor();
    expect(await page.getByRole('button', { name: /지금 학습|이 버전 사용|되돌리기/ }).count()).toBe(0);
    expect(await axeViolations(page, 'console models (staff)', { enhancedContrast: false })).toEqual([]);
  });
});
