import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../../shared/contract';
import { idCheckChar } from '../../../../shared/rules/idNumber';
import { makeTestBackend, type TestBackend } from '../../testSupport';
import { searchResidents, type ResidentQuery } from './residents';

const idOf = (birth: string, seq: string) => {
  const first17 = `110105${birth}${seq}`;
  return first17 + idCheckChar(first17);
};
const ZHANG_ID = idOf('19500302', '122');

describe('searchResidents', () => {
  let t: TestBackend;
  let eastGrid: string;
  let westBuilding: string;

  beforeEach(async () => {
    t = await makeTestBackend();
    const node = (parentId: string | null, name: string) => t.ok(t.admin, 'grid.create', { parentId, name });
    const east = await node(null, '东片区');
    eastGrid = (await node(east.id, '第1网格')).id;
    const eastBuilding = (await node(eastGrid, '3栋')).id;
    const west = await node(null, '西片区');
    westBuilding = (await node((await node(west.id, '第2网格')).id, '1栋')).id;

    const add = (r: Input<'residents.create'>) => t.ok(t.admin, 'residents.create', r);
    await add({ name: '张小芳', idNumber: ZHANG_ID, phone: '13812345678', buildingId: eastBuilding, tags: ['独居老人'] });
    await add({ name: '张晓峰', gender: 'M', phone: '13900001111', buildingId: westBuilding, tags: ['党员'] });
    await add({ name: '赵雪飞', gender: 'F', phone: '13700002222', buildingId: eastBuilding });
    await add({ name: '李芳', gender: 'F', phone: '010-62345678', tags: ['党员', '低保'] });
    await add({ name: '欧阳小芳', gender: 'F' });
    const gone = await add({ name: '张小凤', gender: 'F', phone: '13812340000', buildingId: eastBuilding, tags: ['党员'] });
    await t.ok(t.admin, 'residents.void', { id: gone.id, reason: '重复登记' });
  });
  afterEach(() => t.close());

  const names = (q: Partial<ResidentQuery>) =>
    searchResidents(t.backend.db, { q: '', limit: 50, offset: 0, ...q }, '2026-11-23').rows.map((r) => r.name).sort();

  it('finds by pinyin initials, upper or lower case', () => {
    expect(names({ q: 'zxf' })).toEqual(['张小芳', '张晓峰', '赵雪飞']);
    expect(names({ q: 'ZXF' })).toEqual(['张小芳', '张晓峰', '赵雪飞']);
    expect(names({ q: 'oyxf' })).toEqual(['欧阳小芳']);
  });

  it('finds by a full pinyin prefix', () => {
    expect(names({ q: 'zhangxiao' })).toEqual(['张小芳', '张晓峰']);
    expect(names({ q: 'zhangxiaofa' })).toEqual(['张小芳']);
    expect(names({ q: 'lifang' })).toEqual(['李芳']);
  });

  it('puts the shortest initials first: lf finds 李芳 before longer names', () => {
    const rows = searchResidents(t.backend.db, { q: 'lf', limit: 50, offset: 0 }, '2026-11-23').rows;
    expect(rows[0]!.name).toBe('李芳');
  });

  it('finds by a phone fragment, with or without dashes', () => {
    expect(names({ q: '5678' })).toEqual(['张小芳', '李芳']);
    expect(names({ q: '0001111' })).toEqual(['张晓峰']);
    expect(names({ q: '010-6234' })).toEqual(['李芳']);
  });

  it('finds a landline typed without its dash, and short digit fragments', () => {
    expect(names({ q: '01062345678' })).toEqual(['李芳']);
    expect(names({ q: '22' })).toContain('赵雪飞');
  });

  it('finds by one or two characters anywhere in the name', () => {
    expect(names({ q: '张' })).toEqual(['张小芳', '张晓峰']);
    expect(names({ q: '芳' })).toEqual(['张小芳', '李芳', '欧阳小芳']);
    expect(names({ q: '欧阳' })).toEqual(['欧阳小芳']);
    expect(names({ q: '阳小芳' })).toEqual(['欧阳小芳']);
  });

  it('keeps the search index in step with edits', async () => {
    const [li] = searchResidents(t.backend.db, { q: '李芳', limit: 1, offset: 0 }, '2026-11-23').rows;
    await t.ok(t.admin, 'residents.update', { id: li!.id, name: '李芬', gender: 'F', phone: '010-62345678', tags: [] });
    expect(names({ q: '李芳' })).toEqual([]);
    expect(names({ q: '李芬' })).toEqual(['李芬']);
    expect(names({ q: '芬' })).toEqual(['李芬']);
  });

  it('finds by an ID number fragment, the X included', () => {
    expect(names({ q: ZHANG_ID.slice(6, 14) })).toEqual(['张小芳']);
    expect(names({ q: ZHANG_ID.slice(-4).toLowerCase() })).toEqual(['张小芳']);
  });

  it('finds by a Chinese name fragment, the exact name first', () => {
    expect(names({ q: '小芳' })).toEqual(['张小芳', '欧阳小芳']);
    const rows = searchResidents(t.backend.db, { q: '李芳', limit: 50, offset: 0 }, '2026-11-23').rows;
    expect(rows.map((r) => r.name)).toEqual(['李芳']);
    expect(names({ q: '%' })).toEqual([]);
  });

  it('filters by grid node and by tag', () => {
    expect(names({ gridNodeId: eastGrid })).toEqual(['张小芳', '赵雪飞']);
    expect(names({ gridNodeId: westBuilding })).toEqual(['张晓峰']);
    expect(names({ q: 'zxf', gridNodeId: eastGrid })).toEqual(['张小芳', '赵雪飞']);
    expect(names({ tag: '党员' })).toEqual(['张晓峰', '李芳']);
    expect(names({ tag: '党员', gridNodeId: westBuilding })).toEqual(['张晓峰']);
  });

  it('leaves voided residents out', () => {
    expect(names({ q: '张小凤' })).toEqual([]);
    expect(names({ q: '13812340000' })).toEqual([]);
    expect(names({})).toHaveLength(5);
  });

  it('masks ID numbers and phones and pages with a total', () => {
    const r = searchResidents(t.backend.db, { q: 'zxf', limit: 2, offset: 0 }, '2026-11-23');
    expect(r.total).toBe(3);
    expect(r.rows).toHaveLength(2);
    const zhang = searchResidents(t.backend.db, { q: '张小芳', limit: 5, offset: 0 }, '2026-11-23').rows[0]!;
    expect(zhang).toMatchObject({ idNumberMasked: `110105********${ZHANG_ID.slice(-4)}`, phoneMasked: '138****5678', age: 76, address: '东片区 / 第1网格 / 3栋' });
  });
});
