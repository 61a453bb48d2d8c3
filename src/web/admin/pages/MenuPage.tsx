/**
 * The menu: staff mark dishes sold out or back during service; owners also add, reorder and delete
 * dishes and categories, change prices, pictures, a dish's option groups, the option groups and their values,
 * and the aliases voice ordering understands. Every change says it was saved, or why not. Kiosks pick changes up with their next customer.
 */
import { useEffect, useState } from 'react';
import type { MenuResponse } from '../../../contracts/http';
import { consoleApi } from '../admin-api';
import type { PageProps } from '../ConsoleApp';
import { won } from '../format';
import { usePolled } from '../use-polled';
import { AddDishForm, CategoryTable, MoveButtons, PictureInput, priceConfirmed, type Attempt } from './MenuBuilder';
import { DishOptionGroups, OptionTable } from './OptionGroups';
import { problemText } from '../../shared/problem-text';

type Item = MenuResponse['items'][number];

export function MenuPage({ user }: PageProps) {
  const { data, error, reload } = usePolled(consoleApi.menu, 30_000);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  /** Every change: say it was saved or what went wrong (named), then show the menu as the server has it. */
  const attempt: Attempt = async (label, change) => {
    let ok = false;
    try {
      await change();
      setOutcome({ ok: true, text: `${label}: 저장했어요 · Saved` });
      ok = true;
    } catch (failure) {
      setOutcome({ ok: false, text: `${label}: ${problemText(failure)}` });
    }
    reload();
    return ok;
  };
  const save = (item: Item, patch: Parameters<typeof consoleApi.updateItem>[1]) => attempt(item.ko, () => consoleApi.updateItem(item.id, patch));
  const upload = (item: Item, file: File) => attempt(item.ko, () => consoleApi.uploadPicture('items', item.id, file));
  const shown = error ? { ok: false, text: error } : outcome;
  return (
    <>
      {shown && (
        <p className={shown.ok ? 'form-ok' : 'form-problem'} role={shown.ok ? 'status' : 'alert'} data-testid="menu-outcome">
          {shown.text}
        </p>
      )}
      {user.role === 'owner' && data && <AddDishForm menu={data} attempt={attempt} />}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">메뉴 · Dish</th>
            <th scope="col">가격 · Price</th>
            <th scope="col">품절 · Sold out</th>
            <th scope="col">음성 별칭 · Voice aliases</th>
            {user.role === 'owner' && <th scope="col">사진 · Picture</th>}
            {user.role === 'owner' && <th scope="col"><span className="visually-hidden">저장 · Save</span></th>}
            {user.role === 'owner' && <th scope="col"><span className="visually-hidden">순서와 삭제 · Order and delete</span></th>}
          </tr>
        </thead>
        <tbody>
          {data?.items.map((item, index, items) =>
            user.role === 'owner' ? (
              <OwnerRow
                // By id alone: a reload after a save keeps the row, and the picture picker an owner may have open in it.
                key={item.id}
                item={item}
                optionGroups={data?.optionGroups ?? []}
                save={save}
                upload={upload}
                first={items[index - 1]?.categoryId !== item.categoryId}
                last={items[index + 1]?.categoryId !== item.categoryId}
                attempt={attempt}
              />
            ) : (
              <StaffRow key={item.id} item={item} save={save} />
            ),
          )}
        </tbody>
      </table>
      {user.role === 'owner' && data && <CategoryTable menu={data} attempt={attempt} />}
      {user.role === 'owner' && data && <OptionTable menu={data} attempt={attempt} />}
    </>
  );
}

type RowProps = { item: Item; save: (item: Item, patch: Parameters<typeof consoleApi.updateItem>[1]) => Promise<unknown>; upload?: (item: Item, file: File) => Promise<unknown> };
type OwnerRowProps = RowProps & { optionGroups: MenuResponse['optionGroups']; first: boolean; last: boolean; attempt: Attempt };

/** A field's edit: starts from the saved value and goes back to it whenever the saved value changes (a save, or another console's). */
function useEdited<T>(saved: T): [T, (value: T) => void] {
  const [value, setValue] = useState(saved);
  useEffect(() => setValue(saved), [saved]);
  return [value, setValue];
}

function SoldOutToggle({ item, save }: RowProps) {
  // Shows the tap at once; the saved menu, reloaded after the save, has the last word.
  const [soldOut, setSoldOut] = useEdited(item.soldOut);
  return (
    <label className="toggle">
      <input
        type="checkbox"
        checked={soldOut}
        onChange={(event) => {
          setSoldOut(event.target.checked);
          void save(item, { soldOut: event.target.checked });
        }}
      />
      <span className="visually-hidden">{item.ko} </span>
      {soldOut ? '품절 · Sold out' : '판매 중 · On sale'}
    </label>
  );
}

function StaffRow({ item, save }: RowProps) {
  return (
    <tr data-item-id={item.id}>
      <th scope="row">{item.ko} <span className="muted">{item.en}</span></th>
      <td>{won(item.price)}</td>
      <td><SoldOutToggle item={item} save={save} /></td>
      <td>{item.aliases.join(', ') || '—'}</td>
    </tr>
  );
}

function OwnerRow({ item, optionGroups, save, upload = async () => undefined, first, last, attempt }: OwnerRowProps) {
  const [ko, setKo] = useEdited(item.ko);
  const [en, setEn] = useEdited(item.en);
  const [price, setPrice] = useEdited(String(item.price));
  const [aliases, setAliases] = useEdited(item.aliases.join(', '));
  const changed = ko !== item.ko || en !== item.en || price !== String(item.price) || aliases !== item.aliases.join(', ');
  return (
    <tr data-item-id={item.id}>
      <th scope="row">
        <span className="dish-names">
          <input className="name-input" name="dishKo" maxLength={40} value={ko} aria-label={`${item.ko} 이름 · name`} onChange={(event) => setKo(event.target.value)} />
          <input className="name-input" name="dishEn" maxLength={60} value={en} aria-label={`${item.ko} English name`} onChange={(event) => setEn(event.target.value)} />
        </span>
        <DishOptionGroups item={item} optionGroups={optionGroups} save={(optionGroupIds) => save(item, { optionGroupIds })} />
      </th>
      <td>
        <input className="price-input" type="number" step={100} value={price} aria-label={`${item.ko} 가격 · price`} onChange={(event) => setPrice(event.target.value)} />
      </td>
      <td><SoldOutToggle item={item} save={save} /></td>
      <td>
        <input className="aliases-input" value={aliases} aria-label={`${item.ko} 음성 별칭 · voice aliases (comma separated)`} onChange={(event) => setAliases(event.target.value)} />
      </td>
      <td>
        <PictureInput name={item.ko} onFile={(file) => upload(item, file)} />
      </td>
      <td>
        <button
          type="button"
          className="button"
          disabled={!changed}
          onClick={() => {
            if (priceConfirmed(Number(price))) void save(item, { ko, en, price: Number(price), aliases: aliases.split(',').map((alias) => alias.trim()).filter(Boolean) });
          }}
        >
          저장 · Save
        </button>
      </td>
      <td>
        <span className="row-actions">
          <MoveButtons name={item.ko} first={first} last={last} move={(direction) => attempt(item.ko, () => consoleApi.moveItem(item.id, direction))} />
          <button type="button" className="button secondary" onClick={() => void attempt(`${item.ko} 삭제 · deleted`, () => consoleApi.deleteItem(item.id))}>
            삭제 · Delete
          </button>
        </span>
      </td>
    </tr>
  );
}
