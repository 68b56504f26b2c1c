import { describe, expect, it } from 'vitest';
import { daysOfWeek, mondayOf, overlaps, templateWeek, weeksBetween } from './rota';

const members = ['a', 'b', 'c', 'd'];
const cells = [
  { weekday: 1, shiftId: 'am', positions: [0, 1] },
  { weekday: 6, shiftId: 'pm', positions: [3] },
];

describe('rota weeks', () => {
  it('names a week by its Monday, across a year boundary', () => {
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(mondayOf('2026-12-28')).toBe('2026-12-28');
    expect(mondayOf('2027-01-03')).toBe('2026-12-28');
    expect(daysOfWeek('2026-12-28')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(weeksBetween('2026-12-21', '2027-01-04')).toBe(2);
    expect(weeksBetween('2027-01-04', '2026-12-21')).toBe(-2);
  });
});

describe('templateWeek', () => {
  it('a rotating template moves every position n steps in week n, wrapping round', () => {
    const t = { kind: 'rotate' as const, anchorWeek: '2026-12-21', members, cells };
    expect(templateWeek(t, '2026-12-21')).toEqual([
      { weekday: 1, shiftId: 'am', staffIds: ['a', 'b'] },
      { weekday: 6, shiftId: 'pm', staffIds: ['d'] },
    ]);
    // across the year boundary: 2027-01-04 is week 2
    expect(templateWeek(t, '2027-01-04')).toEqual([
      { weekday: 1, shiftId: 'am', staffIds: ['c', 'd'] },
      { weekday: 6, shiftId: 'pm', staffIds: ['b'] },
    ]);
    // week 5 = week 1 with four members; a week before the anchor goes backwards
    expect(templateWeek(t, '2027-01-25')).toEqual(templateWeek(t, '2026-12-28'));
    expect(templateWeek(t, '2026-12-14')[0]!.staffIds).toEqual(['d', 'a']);
  });

  it('a repeating template gives the same people every week', () => {
    const t = { kind: 'repeat' as const, anchorWeek: '2026-12-21', members, cells };
    expect(templateWeek(t, '2027-03-01')).toEqual(templateWeek(t, '2026-12-21'));
    expect(templateWeek(t, '2027-03-01')[0]!.staffIds).toEqual(['a', 'b']);
  });

  it('skips positions past the member list and never names a person twice in one cell', () => {
    const t = { kind: 'rotate' as const, anchorWeek: '2026-12-21', members: ['a', 'b'], cells: [{ weekday: 1, shiftId: 'am', positions: [0, 2, 1] }] };
    expect(templateWeek(t, '2026-12-28')[0]!.staffIds).toEqual(['b', 'a']);
  });
});

describe('overlaps', () => {
  it('back-to-back shifts do not overlap; a shared minute does', () => {
    expect(overlaps({ start: 480, end: 720 }, { start: 720, end: 1020 })).toBe(false);
    expect(overlaps({ start: 480, end: 721 }, { start: 720, end: 1020 })).toBe(true);
    expect(overlaps({ start: 600, end: 660 }, { start: 480, end: 720 })).toBe(true);
  });
});
