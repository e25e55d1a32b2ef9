import { describe, expect, it } from 'vitest';
import type { Order } from '@/lib/orders/types';
import {
  KNOWN_VARIABLES,
  type RenderContext,
  renderReplies,
  renderTemplate,
  templateVariables,
  VARIABLES,
} from '@/lib/solutions/render';

const NOW = new Date('2024-11-25T04:00:00Z'); // 12:00 Shanghai

const fullOrder: Order = {
  id: '6921847302918374651',
  product: '法式碎花雪纺连衣裙',
  amount: '¥129.00',
  status: '已发货',
  paidAt: '2024-11-23T20:15:00+08:00',
  promiseShipBy: '2024-11-25T15:20:00+08:00',
  courier: '顺丰速运',
  trackingNo: 'SF1402938475612',
};

const context = (fields: Partial<RenderContext> = {}): RenderContext => ({
  order: fullOrder,
  buyerName: '橙子不酸',
  now: NOW,
  settings: { lateShipCompensationYuan: 3 },
  ...fields,
});

const render = (template: string, fields: Partial<RenderContext> = {}) => renderTemplate(template, context(fields));

describe('renderTemplate', () => {
  it.each([
    ['{买家昵称}', '橙子不酸'],
    ['{订单号}', '6921847302918374651'],
    ['{商品}', '法式碎花雪纺连衣裙'],
    ['{订单金额}', '¥129.00'],
    ['{付款时间}', '11月23日 20:15'],
    ['{承诺发货时间}', '11月25日 15:20'],
    ['{剩余时间}', '3小时20分'],
    ['{新发货时间}', '今天 18:00'],
    ['{快递公司}', '顺丰速运'],
    ['{运单号}', 'SF1402938475612'],
    ['{补偿金额}', '3'],
  ])('fills %s', (template, text) => {
    expect(render(template)).toEqual({ ok: true, text });
  });

  it('fills how late an order is only once it is late', () => {
    const late = { ...fullOrder, promiseShipBy: '2024-11-25T10:00:00+08:00' };
    expect(render('{超时时长}', { order: late })).toEqual({ ok: true, text: '2小时' });
    expect(render('{剩余时间}', { order: late })).toEqual({ ok: false, reason: '承诺发货时间未知或已过' });
    expect(render('{超时时长}')).toEqual({ ok: false, reason: '订单未超时' });
  });

  it('uses the fallback text when a variable with one has no value', () => {
    expect(render('{买家昵称}您好', { buyerName: undefined })).toEqual({ ok: true, text: '亲您好' });
    expect(render('{商品}已发出', { order: { id: '1' } })).toEqual({ ok: true, text: '宝贝已发出' });
  });

  it.each([
    ['运单号', { ...fullOrder, trackingNo: undefined }, '缺少运单号'],
    ['快递公司', { ...fullOrder, courier: '' }, '缺少快递公司'],
    ['承诺发货时间', { ...fullOrder, promiseShipBy: undefined }, '缺少承诺发货时间'],
    ['付款时间', { ...fullOrder, paidAt: 'garbage' }, '缺少付款时间'],
    ['订单金额', { ...fullOrder, amount: undefined }, '缺少订单金额'],
    ['订单号', null, '缺少订单号'],
  ] as const)('leaves a reply out when {%s} has no value and no fallback', (name, order, reason) => {
    expect(render(`运单：{${name}}`, { order })).toEqual({ ok: false, reason });
  });

  it('gives the reason in the UI language', () => {
    const noTracking = { ...fullOrder, trackingNo: undefined };
    expect(renderTemplate('{运单号}', context({ order: noTracking }), 'en')).toEqual({
      ok: false,
      reason: 'No tracking number',
    });
  });

  it('treats blanks and the words "undefined" and "null" from a page as missing', () => {
    for (const trackingNo of ['', '   ', 'undefined', 'null']) {
      expect(render('{运单号}', { order: { ...fullOrder, trackingNo } }).ok).toBe(false);
    }
  });

  it('turns braces inside a value into full-width ones', () => {
    expect(render('{商品}', { order: { ...fullOrder, product: '套装{2件}' } })).toEqual({
      ok: true,
      text: '套装｛2件｝',
    });
  });

  it('rejects unknown variables and unpaired braces', () => {
    expect(render('您好{昵称}')).toEqual({ ok: false, reason: '未知变量「昵称」' });
    expect(render('您好{订单号')).toEqual({ ok: false, reason: '花括号不成对' });
    expect(render('您好}')).toEqual({ ok: false, reason: '花括号不成对' });
    expect(render('您好{}')).toEqual({ ok: false, reason: '未知变量「」' });
  });

  it('leaves text without variables as it is', () => {
    expect(render('亲，在的~')).toEqual({ ok: true, text: '亲，在的~' });
  });
});

describe('renderReplies', () => {
  it('keeps the replies it can fill and reports the others with their reason', () => {
    const result = renderReplies(
      [
        { id: 'a', text: '运单号{运单号}' },
        { id: 'b', text: '{商品}已发出' },
      ],
      context({ order: { ...fullOrder, trackingNo: undefined } }),
    );
    expect(result.replies).toEqual([{ id: 'b', text: '法式碎花雪纺连衣裙已发出', source: 'official' }]);
    expect(result.omitted).toEqual([{ replyId: 'a', reason: '缺少运单号' }]);
  });
});

describe('known variables', () => {
  it('lists at least the variables the issue names, once each', () => {
    for (const name of ['买家昵称', '订单号', '商品', '承诺发货时间', '剩余时间', '快递公司', '运单号']) {
      expect(KNOWN_VARIABLES).toContain(name);
    }
    expect(new Set(KNOWN_VARIABLES).size).toBe(KNOWN_VARIABLES.length);
  });

  it('describes each variable in both languages, and no fallback contains a brace', () => {
    for (const variable of VARIABLES) {
      expect(
        variable.description.zh && variable.description.en && variable.missing.zh && variable.missing.en,
      ).toBeTruthy();
      expect(variable.fallback ?? '').not.toMatch(/[{}]/);
    }
  });

  it('lists the variables a template uses', () => {
    expect(templateVariables('{订单号}由{快递公司}配送，{订单号}')).toEqual(['订单号', '快递公司']);
  });
});
