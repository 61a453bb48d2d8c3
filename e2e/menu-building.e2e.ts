/**
 * The owner builds the menu in the console: a category and a dish, the "맞나요?" question under 100원, a refused negative price,
 * reorder, delete; option groups renamed and reordered, values added, reordered and removed (never the last), a dish's groups chosen.
 */
import { describe, expect, it } from 'vitest';
import type { MenuResponse } from '../src/contracts/http';
import { axeViolations } from './support/accessibility';
import { consolePages, createConsoleUser, signIn } from './support/console-pages';
import { useKioskHarness } from './support/harness';

const harness = useKioskHarness();
const menu = async () => (await (await fetch(`${harness.server.url}/api/menu`)).json()) as MenuResponse;

describe('building the menu', () => {
  it('adds, asks about a tiny price, refuses a negative one, reorders and deletes, saying each time', async () => {
    const password = await createConsoleUser(harness.server, 'owner-menu', 'owner');
    const page = await signIn(await harness.newPage({ viewport: { width: 1440, height: 900 } }), harness.server.url, 'owner-menu', password);
    await consolePages.open(page, 'menu');
    const outcome = page.getByTestId('menu-outcome');

    await page.locator('input[name="categoryKo"]').fill('계절 메뉴');
    await page.locator('input[name="categoryEn"]').fill('Seasonal');
    await page.getByRole('button', { name: '분류 추가 · Add category' }).click();
    await expect.poll(() => outcome.innerText()).toBe('계절 메뉴: 저장했어요 · Saved');
    const category = (await menu()).categories.at(-1)!;

    // An option group: a line that does not read as "name / English / won" is named, and nothing is sent.
    await page.locator('input[name="groupKo"]').fill('얼음');
    await page.locator('input[name="groupEn"]').fill('Ice');
    await page.locator('textarea[name="groupValues"]').fill('보통 / Regular / 0\n많이 / Extra');
    await page.getByRole('button', { name: '선택 사항 추가 · Add option group' }).click();
    await page.getByText('2번째 줄: "이름 / English / 추가 금액" 으로 써 주세요').waitFor();
    await page.locator('textarea[name="groupValues"]').fill('보통 / Regular / 0\n많이 / Extra / 500');
    await page.getByRole('button', { name: '선택 사항 추가 · Add option group' }).click();
    await expect.poll(() => outcome.innerText()).toBe('얼음: 저장했어요 · Saved');
    const ice = (await menu()).optionGroups.find((group) => group.ko === '얼음')!;
    expect(ice.values.map((value) => [value.ko, value.extraPrice])).toEqual([['보통', 0], ['많이', 500]]);

    const dishForm = page.locator('form.add-dish');
    await dishForm.locator('input[name="ko"]').fill('콩국수');
    await dishForm.locator('input[name="en"]').fill('Kongguksu');
    await dishForm.locator('input[name="price"]').fill('95');
    await dishForm.locator('select[name="categoryId"]').selectOption(category.id);
    const asked: string[] = [];
    page.once('dialog', (dialog) => (asked.push(dialog.message()), void dialog.dismiss()));
    await dishForm.getByRole('button', { name: '추가 · Add' }).click();
    await expect.poll(() => asked).toEqual(['95원: 100원보다 싸요. 맞나요? · Under 100 won: is that right?']);
    expect((await menu()).items.some((item) => item.ko === '콩국수')).toBe(false);

    await dishForm.locator('input[name="price"]').fill('9500');
    await dishForm.getByRole('button', { name: '추가 · Add' }).click();
    await expect.poll(() => outcome.innerText()).toBe('콩국수: 저장했어요 · Saved');
    await dishForm.locator('input[name="ko"]').fill('팥빙수');
    await dishForm.locator('input[name="en"]').fill('Patbingsu');
    await dishForm.locator('input[name="price"]').fill('8000');
    await dishForm.locator('select[name="categoryId"]').selectOption(category.id);
    await dishForm.locator(`input[name="option-${ice.id}"]`).check();
    await dishForm.getByRole('button', { name: '추가 · Add' }).click();
    await expect.poll(async () => (await menu()).items.filter((item) => item.categoryId === category.id).map((item) => item.ko)).toEqual(['콩국수', '팥빙수']);
    expect((await menu()).items.find((item) => item.ko === '팥빙수')?.optionGroupIds).toEqual([ice.id]);
    await page.locator(`tr[data-option-group="${ice.id}"]`).getByRole('button', { name: '삭제 · Delete' }).click();
    // The refusal replaces "팥빙수: 저장했어요" (a status): wait for the alert, not for the name both carry.
    await expect.poll(() => outcome.getAttribute('role')).toBe('alert');
    expect(await outcome.innerText()).toContain('팥빙수');
    expect(await axeViolations(page, 'console menu building', { enhancedContrast: false })).toEqual([]);

    // The group itself: renamed, moved up, a value added, reordered and removed; the last value is refused with a message.
    const iceRow = page.locator(`tr[data-option-group="${ice.id}"]`);
    await iceRow.locator('input[name="renameGroupKo"]').fill('얼음 양');
    await iceRow.getByRole('button', { name: '저장 · Save' }).click();
    await expect.poll(() => outcome.innerText()).toBe('얼음: 저장했어요 · Saved');
    const groupIds = async () => (await menu()).optionGroups.map((group) => group.id);
    const before = await groupIds();
    await page.getByRole('button', { name: '얼음 양 위로 · move up' }).click();
    await expect.poll(groupIds).toEqual([...before.slice(0, -2), ice.id, before.at(-2)]);
    const addValue = page.locator(`tr[data-option-add="${ice.id}"]`);
    await addValue.locator('input[name="valueKo"]').fill('없이');
    await addValue.locator('input[name="valueEn"]').fill('No ice');
    await addValue.getByRole('button', { name: '값 추가 · Add value' }).click();
    await expect.poll(() => outcome.innerText()).toBe('얼음 양 · 없이: 저장했어요 · Saved');
    const iceValues = async () => (await menu()).optionGroups.find((group) => group.id === ice.id)!.values.map((value) => value.ko);
    expect(await iceValues()).toEqual(['보통', '많이', '없이']);
    await page.getByRole('button', { name: '얼음 양 · 없이 위로 · move up' }).click();
    await expect.poll(iceValues).toEqual(['보통', '없이', '많이']);
    for (const value of ['보통', '많이']) {
      await page.locator(`tr[data-option^="${ice.id}/"]`, { hasText: `얼음 양 · ${value}` }).getByRole('button', { name: '빼기 · Remove' }).click();
      await expect.poll(() => outcome.innerText()).toBe(`얼음 양 · ${value} 빼기 · removed: 저장했어요 · Saved`);
    }
    // The saved message comes before the list is read again: wait for the one row left.
    const iceRows = page.locator(`tr[data-option^="${ice.id}/"]`);
    await expect.poll(() => iceRows.count()).toBe(1);
    await iceRows.getByRole('button', { name: '빼기 · Remove' }).click();
    await expect.poll(() => outcome.getAttribute('role')).toBe('alert');
    expect(await outcome.innerText()).toContain('얼음 양의 마지막 값은 지울 수 없어요');
    expect(await iceValues()).toEqual(['없이']);

    await page.getByRole('button', { name: '팥빙수 위로 · move up' }).click();
    await expect.poll(async () => (await menu()).items.filter((item) => item.categoryId === category.id).map((item) => item.ko)).toEqual(['팥빙수', '콩국수']);

    const bingsu = (await menu()).items.find((item) => item.ko === '팥빙수')!;
    // A dish's option groups after it was created: ticked on and off in its row.
    const bingsuRow = consolePages.menuRow(page, bingsu.id);
    await bingsuRow.getByText('선택 사항 · Options (1)').click();
    await bingsuRow.locator('input[name="dish-option-size"]').check();
    await expect.poll(async () => (await menu()).items.find((item) => item.id === bingsu.id)?.optionGroupIds).toEqual([ice.id, 'size']);
    await expect.poll(() => outcome.innerText()).toBe('팥빙수: 저장했어요 · Saved');
    await consolePages.menuRow(page, bingsu.id).locator('input[name="dishKo"]').fill('우유 팥빙수');
    await consolePages.menuRow(page, bingsu.id).getByRole('button', { name: '저장 · Save' }).click();
    await expect.poll(() => outcome.innerText()).toBe('팥빙수: 저장했어요 · Saved');
    expect((await menu()).items.find((item) => item.id === bingsu.id)?.ko).toBe('우유 팥빙수');

    const cola = consolePages.menuRow(page, 'cola');
    await cola.getByRole('spinbutton').fill('-500');
    await cola.getByRole('button', { name: '저장 · Save' }).click();
    await expect.poll(() => outcome.innerText()).toContain('콜라: 가격은 0원보다 작을 수 없어요');
    expect(await outcome.getAttribute('role')).toBe('alert');

    const kongguksu = (await menu()).items.find((item) => item.ko === '콩국수')!;
    await consolePages.menuRow(page, kongguksu.id).getByRole('button', { name: '삭제 · Delete' }).click();
    await expect.poll(() => outcome.innerText()).toBe('콩국수 삭제 · deleted: 저장했어요 · Saved');
    expect((await menu()).items.some((item) => item.id === kongguksu.id)).toBe(false);
  });
});
