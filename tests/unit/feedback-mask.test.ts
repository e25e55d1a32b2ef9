import { describe, expect, test } from 'vitest';
import { maskAddresses, maskPersonal, maskPhones } from '@/lib/feedback/mask';

describe('maskPhones', () => {
  test.each([
    ['电话13812345678', '电话138****5678'],
    ['+86 138 1234 5678 打我', '138****5678 打我'],
    ['138-1234-5678', '138****5678'],
    ['座机010-62345678', '座机010-****78'],
    ['两个：13912345678、15011112222', '两个：139****5678、150****2222'],
  ])('%s', (input, masked) => {
    expect(maskPhones(input)).toBe(masked);
  });

  test('order numbers, tracking numbers, amounts and times stay', () => {
    for (const text of [
      '订单6921847302918374651',
      '运单号YT7418529630174',
      '¥129.00',
      '11月25日10:33',
      '12345678901',
    ]) {
      expect(maskPhones(text)).toBe(text);
    }
  });
});

describe('maskAddresses', () => {
  test('keeps the region, hides street, building and room', () => {
    expect(maskAddresses('地址北京市朝阳区建国路88号5号楼1201室')).toBe('地址北京市朝阳区***');
    expect(maskAddresses('改成浙江省杭州市西湖区文三路478号华星时代广场A座')).toBe('改成浙江省杭州市西湖区***');
    expect(maskAddresses('寄到幸福小区3栋2单元502')).not.toContain('502');
  });

  test('a message without an address is unchanged', () => {
    for (const text of ['什么时候发货', '路上要几天', '可以改地址吗', '我在上海'])
      expect(maskAddresses(text)).toBe(text);
  });
});

test('maskPersonal masks both', () => {
  const masked = maskPersonal('电话13812345678，地址上海市浦东新区张杨路500号');
  expect(masked).toBe('电话138****5678，地址上海市浦东新区***');
});
