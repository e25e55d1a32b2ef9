import { describe, expect, it } from 'vitest';
import {
  ANALYSED_LENGTH,
  capForAnalysis,
  collapseNumbers,
  collapseRepeats,
  dropInvisibles,
  dropPlatformHeaders,
  fixChatSpellings,
  foldWidth,
  normalize,
  replacePlaceholders,
  simplifyPunctuation,
  traditionalToSimplified,
} from '@/lib/engine/normalize';

describe('normalisation steps', () => {
  it('removes zero-width and bidi characters without breaking the words around them', () => {
    expect(dropInvisibles('什么\u200b时候\u200d发货')).toBe('什么时候发货');
    expect(normalize('\u202e什么时\u2066候发\ufeff货\u00ad吗\u200f')).toBe('什么时候发货吗');
  });

  it('keeps a long message to its start and its end', () => {
    const long = `还没发货${'啊'.repeat(1_000_000)}要开发票`;
    const capped = capForAnalysis(long);
    expect(capped.length).toBeLessThanOrEqual(ANALYSED_LENGTH);
    expect(capped.startsWith('还没发货')).toBe(true);
    expect(capped.endsWith('要开发票')).toBe(true);
    expect(capForAnalysis('什么时候发货')).toBe('什么时候发货');
  });

  it('converts traditional characters to simplified', () => {
    expect(traditionalToSimplified('還沒發貨嗎')).toBe('还没发货吗');
    expect(traditionalToSimplified('退貨運費誰出')).toBe('退货运费谁出');
    expect(traditionalToSimplified('什么时候发货')).toBe('什么时候发货');
  });

  it('folds full-width letters, digits and punctuation', () => {
    expect(foldWidth('ＳＦ１２３？！')).toBe('SF123?!');
  });

  it('replaces platform placeholders and links by their kind', () => {
    expect(replacePlaceholders('[数字x]号下单 <num>天')).toBe('#号下单 #天');
    expect(replacePlaceholders('改成[地址x]')).toBe('改成地址');
    expect(replacePlaceholders('看这个 https://item.jd.com/1.html 呢').trim()).toBe('看这个  链接  呢');
    expect(replacePlaceholders('好的[呵呵]')).toBe('好的 ');
  });

  it('drops the chat widget’s order header, which says nothing about the intent', () => {
    expect(dropPlatformHeaders('咨询订单号:[订单x] 商品ID:[数字x] 什么时候发货').trim()).toBe('什么时候发货');
  });

  it('rewrites common chat spellings', () => {
    expect(fixChatSpellings('肿么还木有发货')).toBe('怎么还没有发货');
    expect(fixChatSpellings('sf能发吗')).toBe('顺丰能发吗');
    expect(fixChatSpellings('啥时候到')).toBe('什么时候到');
  });

  it('turns numbers into # but keeps the consumer hotline', () => {
    expect(collapseNumbers('3天了 100.5元')).toBe('#天了 #元');
    expect(collapseNumbers('打12315')).toBe('打12315');
  });

  it('keeps question marks, turns other punctuation and emoji into one clause break', () => {
    expect(simplifyPunctuation('发货了吗？！😡 谢谢～')).toBe('发货了吗? 谢谢');
  });

  it('collapses runs of a repeated character', () => {
    expect(collapseRepeats('发货了吗????')).toBe('发货了吗?');
    expect(collapseRepeats('快快快快发货')).toBe('快发货');
    expect(collapseRepeats('谢谢')).toBe('谢谢');
  });

  it('chains every step', () => {
    expect(normalize('【亲】還沒發貨嗎？？？😭 訂單[数字x]')).toBe('亲 还没发货吗? 订单#');
    expect(normalize('ＳＦ能發嗎')).toBe('顺丰能发吗');
  });
});
