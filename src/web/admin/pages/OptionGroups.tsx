/**
 * Option groups in the console (owners): rename and reorder groups, each value's extra charge and voice
 * aliases, add, reorder and remove values (never a group's last), and which groups a dish asks for.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { MenuResponse } from '../../../contracts/http';
import { consoleApi } from '../admin-api';
import { AddOptionGroupForm, MoveButtons, type Attempt } from './MenuBuilder';

type Group = MenuResponse['optionGroups'][number];
type Item = MenuResponse['items'][number];

export function OptionTable({ menu, attempt }: { menu: MenuResponse; attempt: Attempt }) {
  return (
    <section className="panel" aria-labelledby="options-title">
      <h2 id="options-title">선택 사항 · Options</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">선택 · Option</th>
            <th scope="col">추가 금액 · Extra charge</th>
            <th scope="col">음성 별칭 · Voice aliases</th>
            <th scope="col"><span className="visually-hidden">저장, 순서와 빼기 · Save, order and remove</span></th>
          </tr>
        </thead>
        <tbody>
          {menu.optionGroups.flatMap((group, index) => [
            <GroupRow key={`${group.id}-${group.ko}-${group.en}`} group={group} first={index === 0} last={index === menu.optionGroups.length - 1} attempt={attempt} />,
            ...group.values.map((value, valueIndex) => (
              <OptionRow
                key={`${group.id}/${value.id}-${value.extraPrice}-${value.aliases.join()}`}
                group={group}
                value={value}
                first={valueIndex === 0}
                last={valueIndex === group.values.length - 1}
                attempt={attempt}
              />
            )),
            <AddValueRow key={`${group.id}-add`} group={group} attempt={attempt} />,
          ])}
        </tbody>
      </table>
      <AddOptionGroupForm attempt={attempt} />
    </section>
  );
}

function GroupRow({ group, first, last, attempt }: { group: Group; first: boolean; last: boolean; attempt: Attempt }) {
  const [ko, setKo] = useState(group.ko);
  const [en, setEn] = useState(group.en);
  const changed = ko !== group.ko || en !== group.en;
  return (
    <tr data-option-group={group.id}>
      <th scope="rowgroup" colSpan={3}>
        <span className="dish-names">
          <input className="name-input" name="renameGroupKo" maxLength={40} value={ko} aria-label={`${group.ko} 선택 사항 이름 · option group name`} onChange={(event) => setKo(event.target.value)} />
          <input className="name-input" name="renameGroupEn" maxLength={60} value={en} aria-label={`${group.ko} option group English name`} onChange={(event) => setEn(event.target.value)} />
        </span>
      </th>
      <td>
        <span className="row-actions">
          <button type="button" className="button" disabled={!changed} onClick={() => void attempt(group.ko, () => consoleApi.renameOptionGroup(group.id, { ko, en }))}>저장 · Save</button>
          <MoveButtons name={group.ko} first={first} last={last} move={(direction) => attempt(group.ko, () => consoleApi.moveOptionGroup(group.id, direction))} />
          <button type="button" className="button secondary" onClick={() => void attempt(`${group.ko} 삭제 · deleted`, () => consoleApi.deleteOptionGroup(group.id))}>
            삭제 · Delete
          </button>
        </span>
      </td>
    </tr>
  );
}

function OptionRow({ group, value, first, last, attempt }: { group: Group; value: Group['values'][number]; first: boolean; last: boolean; attempt: Attempt }) {
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
      <td>
        <span className="row-actions">
          <button type="button" className="button" disabled={!changed} onClick={() => void save()}>저장 · Save</button>
          <MoveButtons name={label} first={first} last={last} move={(direction) => attempt(label, () => consoleApi.moveOptionValue(group.id, value.id, direction))} />
          <button type="button" className="button secondary" onClick={() => void attempt(`${label} 빼기 · removed`, () => consoleApi.deleteOptionValue(group.id, value.id))}>
            빼기 · Remove
          </button>
        </span>
      </td>
    </tr>
  );
}

/** One more value at the end of a group (the first value stays the kiosk's default). */
function AddValueRow({ group, attempt }: { group: Group; attempt: Attempt }) {
  const empty = { ko: '', en: '', extraPrice: '0' };
  const [value, setValue] = useState(empty);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await attempt(`${group.ko} · ${value.ko}`, () => consoleApi.addOptionValue(group.id, { ko: value.ko, en: value.en, extraPrice: Number(value.extraPrice) }))) setValue(empty);
  };
  return (
    <tr data-option-add={group.id}>
      <td colSpan={4}>
        <form className="inline-form" onSubmit={submit}>
          <label>
            {group.ko}에 값 추가 · New value
            <input name="valueKo" required maxLength={40} value={value.ko} onChange={(event) => setValue({ ...value, ko: event.target.value })} />
          </label>
          <label>
            English
            <input name="valueEn" required maxLength={60} value={value.en} onChange={(event) => setValue({ ...value, en: event.target.value })} />
          </label>
          <label>
            추가 금액 · Extra charge
            <input name="valueExtra" type="number" required min={0} step={100} value={value.extraPrice} onChange={(event) => setValue({ ...value, extraPrice: event.target.value })} />
          </label>
          <button type="submit" className="button">값 추가 · Add value</button>
        </form>
      </td>
    </tr>
  );
}

/** The option groups the kiosk asks for a dish: each tick saves at once (a new one goes last). */
export function DishOptionGroups({ item, optionGroups, save }: { item: Item; optionGroups: Group[]; save: (optionGroupIds: string[]) => Promise<unknown> }) {
  // Shows the tick at once; the saved menu, reloaded after the save, has the last word.
  const [chosen, setChosen] = useState(item.optionGroupIds);
  const saved = item.optionGroupIds.join();
  useEffect(() => setChosen(saved ? saved.split(',') : []), [saved]);
  const choose = (optionGroupIds: string[]) => {
    setChosen(optionGroupIds);
    void save(optionGroupIds);
  };
  return (
    <details className="dish-option-groups">
      <summary>선택 사항 · Options ({chosen.length})</summary>
      {optionGroups.map((group) => (
        <label key={group.id} className="settings-check">
          <input
            type="checkbox"
            name={`dish-option-${group.id}`}
            checked={chosen.includes(group.id)}
            onChange={(event) => choose(event.target.checked ? [...chosen, group.id] : chosen.filter((id) => id !== group.id))}
          />
          {group.ko}
        </label>
      ))}
    </details>
  );
}
