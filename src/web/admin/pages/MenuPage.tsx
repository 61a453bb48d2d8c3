/**
 * The menu: staff mark dishes sold out or back during service; owners also change prices, names
 * and the aliases voice ordering understands. Kiosks pick changes up with their next customer.
 */
import { useEffect, useState } from 'react';
import type { MenuResponse } from '../../../contracts/http';
import { consoleApi } from '../admin-api';
import type { PageProps } from '../ConsoleApp';
import { won } from '../format';
import { usePolled } from '../use-polled';

type Item = MenuResponse['items'][number];

export function MenuPage({ user }: PageProps) {
  const { data, error, reload } = usePolled(consoleApi.menu, 30_000);
  const [problem, setProblem] = useState<string | null>(null);
  const save = async (item: Item, patch: Parameters<typeof consoleApi.updateItem>[1]) => {
    try {
      await consoleApi.updateItem(item.id, patch);
      setProblem(null);
    } catch (failure) {
      setProblem(`${item.ko}: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
    reload();
  };
  return (
    <>
      {(error ?? problem) && <p className="form-problem" role="alert">{error ?? problem}</p>}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">메뉴 · Dish</th>
            <th scope="col">가격 · Price</th>
            <th scope="col">품절 · Sold out</th>
            <th scope="col">음성 별칭 · Voice aliases</th>
            {user.role === 'owner' && <th scope="col"><span className="visually-hidden">저장 · Save</span></th>}
          </tr>
        </thead>
        <tbody>
          {data?.items.map((item) => (user.role === 'owner' ? <OwnerRow key={`${item.id}-${item.price}-${item.aliases.join()}`} item={item} save={save} /> : <StaffRow key={item.id} item={item} save={save} />))}
        </tbody>
      </table>
    </>
  );
}

type RowProps = { item: Item; save: (item: Item, patch: Parameters<typeof consoleApi.updateItem>[1]) => Promise<void> };

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

function OwnerRow({ item, save }: RowProps) {
  const [price, setPrice] = useState(String(item.price));
  const [aliases, setAliases] = useState(item.aliases.join(', '));
  const changed = price !== String(item.price) || aliases !== item.aliases.join(', ');
  return (
    <tr data-item-id={item.id}>
      <th scope="row">{item.ko} <span className="muted">{item.en}</span></th>
      <td>
        <input className="price-input" type="number" min={0} step={100} value={price} aria-label={`${item.ko} 가격 · price`} onChange={(event) => setPrice(event.target.value)} />
      </td>
      <td><SoldOutToggle item={item} save={save} /></td>
      <td>
        <input className="aliases-input" value={aliases} aria-label={`${item.ko} 음성 별칭 · voice aliases (comma separated)`} onChange={(event) => setAliases(event.target.value)} />
      </td>
      <td>
        <button
          type="button"
          className="button"
          disabled={!changed}
          onClick={() => void save(item, { price: Number(price), aliases: aliases.split(',').map((alias) => alias.trim()).filter(Boolean) })}
        >
          저장 · Save
        </button>
      </td>
    </tr>
  );
}
