import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './mask';

describe('masking for display', () => {
  it('keeps the area code and the last four digits of an ID number', () => {
    expect(maskIdNumber('110105194912311234')).toBe('110105********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('123')).toBe('***');
  });

  it('keeps the first three and last four digits of a mobile', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps the area code and last two digits of a landline', () => {
    expect(maskPhone('010-12345678')).toBe('010-******78');
    expect(maskPhone('0571-8765432-12')).toBe('0571-*****32-**');
  });

  it('hides all but the last four characters of anything else', () => {
    expect(maskPhone('12345678')).toBe('****5678');
    expect(maskPhone('123')).toBe('***');
  });

  it.each([
    ['张小芳', '张*芳'],
    ['李四', '李*'],
    ['欧阳娜娜', '欧**娜'],
    ['王', '王'],
    ['', ''],
  ])('masks the name %j as %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});
