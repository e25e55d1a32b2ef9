import { describe, expect, it } from 'vitest';
import { classify, THRESHOLD } from '@/lib/engine/classify';

describe('classify: the shipping question the extension is built around', () => {
  it.each(['什么时候发货', '怎么还不发货', '几天能发货啊', '還沒發貨嗎'])('%s → ship_urge', (text) => {
    expect(classify(text).intent).toBe('ship_urge');
  });

  it.each(['你好', '谢谢', '发货很快，谢谢', '', '   ', '😀😀'])('“%s” → null, no popup', (text) => {
    const result = classify(text);
    expect(result.intent).toBeNull();
    expect(result.confidence).toBe(0);
    expect(result.matched).toEqual([]);
  });
});

describe('classify: negation and tense', () => {
  it('reads “不用发货了” as cancelling, not urging', () => {
    expect(classify('不用发货了').intent).toBe('cancel_order');
  });

  it('reads praise of fast shipping as nothing', () => {
    expect(classify('发货很快，谢谢').intent).toBeNull();
    expect(classify('物流真快，赞一个').intent).toBeNull();
  });

  it('reads “还没发货就退款” as a shipping complaint, the refund being the threat', () => {
    expect(classify('还没发货就退款').intent).toBe('ship_urge');
  });

  it('reads “not shipped yet, can I…” as the request that follows', () => {
    expect(classify('还没发货的话能改地址吗').intent).toBe('change_address');
    expect(classify('还没发货能取消吗').intent).toBe('cancel_order');
  });

  it('tells a refund to chase from a refund to ask for', () => {
    expect(classify('怎么申请退款').intent).toBe('refund_return');
    expect(classify('申请的退款怎么还没到账').intent).toBe('refund_progress');
  });

  it('tells a pre-sale question about quality from a complaint', () => {
    expect(classify('质量怎么样').intent).toBeNull();
    expect(classify('质量太差了，用一次就坏了').intent).toBe('quality_issue');
  });
});

describe('classify: follow-ups read with the conversation', () => {
  it('reads “还没发？” after a shipping question as ship_urge', () => {
    expect(classify('还没发？').intent).not.toBe('logistics');
    const result = classify('还没发？', ['你好', '请问什么时候发货']);
    expect(result.intent).toBe('ship_urge');
    expect(result.matched).toContain('上文同一意图');
  });

  it('reads “那什么时候到” after a tracking question as logistics', () => {
    expect(classify('那什么时候到', ['我的快递到哪了']).intent).toBe('logistics');
  });

  it('reads a bare “还没退” after a refund question as refund_progress', () => {
    expect(classify('还没退', ['退款什么时候到账']).intent).toBe('refund_progress');
  });

  it('does not let the history speak for a message that has its own intent', () => {
    expect(classify('能开发票吗', ['什么时候发货']).intent).toBe('invoice');
  });

  it('ignores history that had no intent', () => {
    expect(classify('还没发？', ['你好', '谢谢']).matched).not.toContain('上文同一意图');
  });
});

describe('classify: ranking and confidence', () => {
  it('ranks two intents in one message, best first', () => {
    const result = classify('发票什么时候开？还有能发顺丰吗');
    const ids = result.intents.map((i) => i.id);
    expect(ids).toContain('invoice');
    expect(ids).toContain('courier_choice');
    expect(result.intent).toBe(ids[0]);
    const confidences = result.intents.map((i) => i.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
  });

  it('puts the request to act on first: a wrong item the buyer wants to send back is a return', () => {
    const result = classify('发错颜色了，我要退货');
    expect(result.intents.map((i) => i.id)).toEqual(['refund_return', 'quality_issue']);
  });

  it('reads a mistaken order as cancelling, even when a refund is how', () => {
    expect(classify('拍错了，能退款吗').intent).toBe('cancel_order');
  });

  it('keeps every confidence in [0, 1] and the answer above the threshold', () => {
    for (const text of ['什么时候发货', '快递到哪了，还没到，怎么回事，物流不更新', '你好']) {
      const result = classify(text);
      for (const { confidence } of result.intents) {
        expect(confidence).toBeGreaterThan(0);
        expect(confidence).toBeLessThanOrEqual(1);
      }
      if (result.intent) {
        expect(result.confidence).toBeGreaterThanOrEqual(THRESHOLD);
        expect(result.confidence).toBe(result.intents[0].confidence);
      }
    }
  });

  it('explains itself with the evidence that matched', () => {
    const result = classify('什么时候发货');
    expect(result.matched).toContain('“发货/出库”');
    expect(result.matched).toContain('“发货” + 问时间');
  });

  it('gives more confidence to more evidence', () => {
    expect(classify('都三天了还没发货，赶紧发货').confidence).toBeGreaterThan(classify('什么时候发货').confidence);
  });
});
