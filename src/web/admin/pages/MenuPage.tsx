/**
 * The menu: staff mark dishes sold out or back during service; owners also add, reorder and delete
 * dishes and categories, change prices, pictures, option charges and the aliases voice ordering
 * understands. Every change says it was saved, or why not. Kiosks pick changes up with their next customer.
 */
import { useEffect, useState } from 'react';
import type { MenuResponse } from '../../../contracts/http';
import { consoleApi } from '../admin-api';
import type { PageProps } from '../ConsoleApp';
import { won } from '../format';
import { usePolled } from '../use-polled';
import { AddDishForm, AddOptionGroupForm, CategoryTable, MoveButtons, PictureInput, priceConfirmed, type Attempt } from './MenuBuilder';

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
      setOutcome({ ok: false, text: `${label}: ${failure instanceof Error ? failure.message : String(failure)}` });
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
                key={`${item.id}-${item.ko}-${item.en}-${item.price}-${item.aliases.join()}`}
                item={item}
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
type OwnerRowProps = RowProps & { first: boolean; last: boolean; attempt: Attempt };

function SoldOutToggle({ item, save }: RowProps) {
  // Shows the tap at once; the saved menu, reloaded after the save, has the last word.
  const [soldOut, setSoldOut] = useState(item.soldOut);
  useEffect(() => setSoldOut(item.soldOut), [item.soldOut]);
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

function OwnerRow({ item, save, upload = async () => undefined, first, last, attempt }: OwnerRowProps) {
  const [ko, setKo] = useState(item.ko);
  const [en, setEn] = useState(item.en);
  const [price, setPrice] = useState(String(item.price));
  const [aliases, setAliases] = useState(item.aliases.join(', '));
  const changed = ko !== item.ko || en !== item.en || price !== String(item.price) || aliases !== item.aliases.join(', ');
  return (
    <tr data-item-id={item.id}>
      <th scope="row">
        <span className="dish-names">
          <input className="name-input" name="dishKo" maxLength={40} value={ko} aria-label={`${item.ko} 이름 · name`} onChange={(event) => setKo(event.target.value)} />
          <input className="name-input" name="dishEn" maxLength={60} value={en} aria-label={`${item.ko} English name`} onChange={(event) => setEn(event.target.value)} />
        </span>
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

/** Options: each value's extra charge and the words customers say for it; new groups, and deleting unused ones (owners only). */
function OptionTable({ menu, attempt }: { menu: MenuResponse; attempt: Attempt }) {
  return (
    <section className="panel" aria-labelledby="options-title">
      <h2 id="options-title">선택 사항 · Options</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">선택 · Option</th>
            <th scope="col">추가 금액 · Extra charge</th>
            <th scope="col">음성 별칭 · Voice aliases</th>
            <th scope="col"><span className="visually-hidden">저장 · Save</span></th>
          </tr>
        </thead>
        <tbody>
          {menu.optionGroups.flatMap((group) => [
            <tr key={group.id} data-option-group={group.id}>
              <th scope="rowgroup" colSpan={3}>{group.ko} · {group.en}</th>
              <td>
                <button type="button" className="button secondary" onClick={() => void attempt(`${group.ko} 삭제 · deleted`, () => consoleApi.deleteOptionGroup(group.id))}>
                  삭제 · Delete
                </button>
              </td>
            </tr>,
            ...group.values.map((value) => <OptionRow key={`${group.id}/${value.id}-${value.extraPrice}-${value.aliases.join()}`} group={group} value={value} attempt={attempt} />),
          ])}
        </tbody>
      </table>
      <AddOptionGroupForm attempt={attempt} />
    </section>
  );
}

type Group = MenuResponse['optionGroups'][number];

function OptionRow({ group, value, attempt }: { group: Group; value: Group['values'][number]; attempt: Attempt }) {
  const [extraPrice, setExtraPrice] = useState(String(value.extraPrice));
  const [aliases, setAliases] = useState(value.aliases.join(', '));
  const changed = extraPrice !== String(value.extraPrice) || aliases !== value.aliases.join(', ');
  const label = `${group.ko} · ${value.ko}`;
  const save = () => attempt(label, () => consoleApi.updateOption(group.id, value.id, { extraPrice: Number(extraPrice), aliases: aliases.split(',').map((alias) => alias.trim()).filter(Boolean) }));
  return (
    <tr data-option={`${group.id}/${value.id}`}>
      <th scope="row">{label}</th>
      <td><input className="price-input" type="number" min={0} step={100} value={extraPrice} aria-label={`${label} 추가 금액 · extra charge`} onChange={(event) => setExtraPrice(event.target.value)} /></td>
      <td><input className="aliases-input" value={aliases} aria-label={`${label} 음성 별칭 · voice aliases (comma separated)`} onChange={(event) => setAliases(event.target.value)} /></td>
      <td><button type="button" className="button" disabled={!changed} onClick={() => void save()}>저장 · Save</button></td>
    </tr>
  );
}
