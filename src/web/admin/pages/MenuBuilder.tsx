/** Building the menu (owners): a new dish, and the categories: add, rename, reorder, delete. */
import { useState, type FormEvent } from 'react';
import type { MenuResponse } from '../../../contracts/http';
import { consoleApi } from '../admin-api';
import { won } from '../format';

export type Attempt = (label: string, change: () => Promise<unknown>) => Promise<boolean>;

/** Below this a price is more likely a slip (9 for 9,000) than a real price: the console asks first. */
export const SUSPICIOUS_PRICE = 100;

/** True when the price may be saved: a price under 100원 is asked about ("맞나요?"). */
export function priceConfirmed(price: number): boolean {
  return price < 0 || price >= SUSPICIOUS_PRICE || window.confirm(`${won(price)}: 100원보다 싸요. 맞나요? · Under 100 won: is that right?`);
}

export function AddDishForm({ menu, attempt }: { menu: MenuResponse; attempt: Attempt }) {
  const empty = { ko: '', en: '', price: '', categoryId: menu.categories[0]?.id ?? '', optionGroupIds: [] as string[] };
  const [dish, setDish] = useState(empty);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const price = Number(dish.price);
    if (!priceConfirmed(price)) return;
    if (await attempt(dish.ko, () => consoleApi.addItem({ ko: dish.ko, en: dish.en, price, categoryId: dish.categoryId, optionGroupIds: dish.optionGroupIds }))) setDish(empty);
  };
  return (
    <form className="inline-form add-dish" onSubmit={submit} aria-labelledby="add-dish-title">
      <h2 id="add-dish-title">메뉴 추가 · Add a dish</h2>
      <label>
        이름 · Name (한국어)
        <input name="ko" required maxLength={40} value={dish.ko} onChange={(event) => setDish({ ...dish, ko: event.target.value })} />
      </label>
      <label>
        Name (English)
        <input name="en" required maxLength={60} value={dish.en} onChange={(event) => setDish({ ...dish, en: event.target.value })} />
      </label>
      <label>
        가격 · Price
        <input name="price" type="number" required step={100} value={dish.price} onChange={(event) => setDish({ ...dish, price: event.target.value })} />
      </label>
      <label>
        분류 · Category
        <select name="categoryId" value={dish.categoryId} onChange={(event) => setDish({ ...dish, categoryId: event.target.value })}>
          {menu.categories.map((category) => (
            <option key={category.id} value={category.id}>{category.ko} · {category.en}</option>
          ))}
        </select>
      </label>
      <fieldset className="add-dish-options">
        <legend>선택 사항 · Options</legend>
        {menu.optionGroups.map((group) => (
          <label key={group.id} className="settings-check">
            <input
              type="checkbox"
              name={`option-${group.id}`}
              checked={dish.optionGroupIds.includes(group.id)}
              onChange={(event) =>
                setDish({ ...dish, optionGroupIds: event.target.checked ? [...dish.optionGroupIds, group.id] : dish.optionGroupIds.filter((id) => id !== group.id) })
              }
            />
            {group.ko}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button">추가 · Add</button>
    </form>
  );
}

/**
 * A new option group: one value a line, "이름 / English / 추가 금액" (the first is the default).
 * A line that does not read so is named, and nothing is sent.
 */
export function AddOptionGroupForm({ attempt }: { attempt: Attempt }) {
  const [group, setGroup] = useState({ ko: '', en: '', values: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const lines = group.values.split('\n').map((line) => line.trim()).filter(Boolean);
    const values = lines.map((line) => line.split('/').map((part) => part.trim()));
    const bad = values.findIndex(([ko, en, extra]) => !ko || !en || !/^\d+$/.test(extra ?? ''));
    if (bad >= 0 || values.length === 0) {
      setProblem(`${bad >= 0 ? `${bad + 1}번째 줄` : '값'}: "이름 / English / 추가 금액" 으로 써 주세요 · write each value as "name / English / extra won"`);
      return;
    }
    setProblem(null);
    const request = { ko: group.ko, en: group.en, values: values.map(([ko, en, extra]) => ({ ko: ko!, en: en!, extraPrice: Number(extra) })) };
    if (await attempt(group.ko, () => consoleApi.addOptionGroup(request))) setGroup({ ko: '', en: '', values: '' });
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <label>
        새 선택 사항 · New option group
        <input name="groupKo" required maxLength={40} value={group.ko} onChange={(event) => setGroup({ ...group, ko: event.target.value })} />
      </label>
      <label>
        English
        <input name="groupEn" required maxLength={60} value={group.en} onChange={(event) => setGroup({ ...group, en: event.target.value })} />
      </label>
      <label>
        값 (한 줄에 하나: 이름 / English / 추가 금액) · Values, one a line
        <textarea name="groupValues" rows={3} required value={group.values} placeholder={'보통 / Regular / 0\n곱빼기 / Large / 1000'} onChange={(event) => setGroup({ ...group, values: event.target.value })} />
      </label>
      <button type="submit" className="button">선택 사항 추가 · Add option group</button>
      {problem && <p className="form-problem" role="alert">{problem}</p>}
    </form>
  );
}

export function CategoryTable({ menu, attempt }: { menu: MenuResponse; attempt: Attempt }) {
  const [names, setNames] = useState({ ko: '', en: '' });
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (await attempt(names.ko, () => consoleApi.addCategory(names))) setNames({ ko: '', en: '' });
  };
  return (
    <section className="panel" aria-labelledby="categories-title">
      <h2 id="categories-title">분류 · Categories</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">이름 · Name</th>
            <th scope="col">English</th>
            <th scope="col"><span className="visually-hidden">저장, 순서와 삭제 · Save, order and delete</span></th>
            <th scope="col">사진 · Picture</th>
          </tr>
        </thead>
        <tbody>
          {menu.categories.map((category, index) => (
            <CategoryRow key={`${category.id}-${category.ko}-${category.en}`} category={category} first={index === 0} last={index === menu.categories.length - 1} attempt={attempt} />
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={add}>
        <label>
          새 분류 · New category
          <input name="categoryKo" required maxLength={40} value={names.ko} onChange={(event) => setNames({ ...names, ko: event.target.value })} />
        </label>
        <label>
          English
          <input name="categoryEn" required maxLength={60} value={names.en} onChange={(event) => setNames({ ...names, en: event.target.value })} />
        </label>
        <button type="submit" className="button">분류 추가 · Add category</button>
      </form>
    </section>
  );
}

type Category = MenuResponse['categories'][number];

function CategoryRow({ category, first, last, attempt }: { category: Category; first: boolean; last: boolean; attempt: Attempt }) {
  const [ko, setKo] = useState(category.ko);
  const [en, setEn] = useState(category.en);
  const changed = ko !== category.ko || en !== category.en;
  return (
    <tr data-category-id={category.id}>
      <td><input aria-label={`${category.ko} 이름 · name`} value={ko} maxLength={40} onChange={(event) => setKo(event.target.value)} /></td>
      <td><input aria-label={`${category.ko} English name`} value={en} maxLength={60} onChange={(event) => setEn(event.target.value)} /></td>
      <td>
        <span className="row-actions">
          <button type="button" className="button" disabled={!changed} onClick={() => void attempt(category.ko, () => consoleApi.renameCategory(category.id, { ko, en }))}>저장 · Save</button>
          <MoveButtons name={category.ko} first={first} last={last} move={(direction) => attempt(category.ko, () => consoleApi.moveCategory(category.id, direction))} />
          <button type="button" className="button secondary" onClick={() => void attempt(category.ko, () => consoleApi.deleteCategory(category.id))}>삭제 · Delete</button>
        </span>
      </td>
      <td>
        <PictureInput name={category.ko} onFile={(file) => attempt(category.ko, () => consoleApi.uploadPicture('categories', category.id, file))} />
      </td>
    </tr>
  );
}

/** ▲ ▼: one step earlier or later. */
export function MoveButtons({ name, first, last, move }: { name: string; first: boolean; last: boolean; move: (direction: 'up' | 'down') => Promise<unknown> }) {
  return (
    <>
      <button type="button" className="button secondary" disabled={first} aria-label={`${name} 위로 · move up`} onClick={() => void move('up')}>▲</button>
      <button type="button" className="button secondary" disabled={last} aria-label={`${name} 아래로 · move down`} onClick={() => void move('down')}>▼</button>
    </>
  );
}

/** Picks a new picture (JPEG, PNG or WebP) for a dish or a category. */
export function PictureInput({ name, onFile }: { name: string; onFile: (file: File) => Promise<unknown> }) {
  return (
    <label className="picture-upload">
      <span className="visually-hidden">{name} 사진 바꾸기 · new picture</span>
      <input
        type="file"
        accept="image/jpeg,image/png,image/webp"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void onFile(file);
        }}
      />
    </label>
  );
}
