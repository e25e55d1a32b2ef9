import { describe, expect, it } from 'vitest';
import { classify, thresholdOf } from '@/lib/engine/classify';

describe('classify: the shipping question the extension is built around', () => {
  it.each(['什么时候发货', '怎么还不发货', '几天能发货啊', '還沒發貨嗎'])('%s → ship_urge', (text) => {
    expect(classify(text).intent).toBe('ship_urge');
  });

  it.each(['你好', '谢谢', '发货很快，谢谢', '', '   ', '😀😀'])('“%s” → null, no popup', (text) => {
    const result = classify(text);
    expect(result.intent).toBeNull();
    expect(result.confidence).toBe(0);
    expect(result.matched).toEqual([]);
    expect(result.urgent).toBe(false);
  });
});

describe('classify: the cases of the intent engine v2 issue', () => {
  it('reads 到底 as emphasis, not arrival: 到底什么时候发货 → ship_urge', () => {
    expect(classify('到底什么时候发货').intent).toBe('ship_urge');
  });

  it('reads 到底还要等多久 alone as no tracking question, and after a shipping question as ship_urge', () => {
    expect(classify('到底还要等多久').intent).not.toBe('logistics');
    expect(classify('到底还要等多久', ['我三号拍的，什么时候发货']).intent).toBe('ship_urge');
  });

  it('reads a withdrawn refund as no refund question', () => {
    const result = classify('不用退款了，我自己处理');
    expect(result.intent).not.toBe('refund_progress');
    expect(result.intent).not.toBe('refund_return');
  });

  it('does not flag a buyer who promises not to leave a bad review', () => {
    const result = classify('东西挺好的，不会给差评的');
    expect(result.urgent).toBe(false);
    expect(result.intent).not.toBe('escalation');
  });

  it('flags “are you swindlers” as urgent: 是不是 asks, it does not negate', () => {
    const result = classify('你们是不是骗子啊');
    expect(result.urgent).toBe(true);
    expect(result.urgency.length).toBeGreaterThan(0);
  });

  it('ranks both requests of one message: not shipped yet, and an invoice', () => {
    const result = classify('等了三天还没发货，另外麻烦开张发票');
    const both = [result.intent, result.second?.id];
    expect(both).toContain('ship_urge');
    expect(both).toContain('invoice');
    expect(
      result.intents
        .map((i) => i.id)
        .slice(0, 2)
        .sort(),
    ).toEqual(['invoice', 'ship_urge']);
  });
});

describe('classify: text a page or a paste can bend', () => {
  it('reads a shipping question with invisible characters inside it', () => {
    expect(classify('什么时候发货').intent).toBe('ship_urge');
    expect(classify('什么\u200b时候\u200c发\u200d货').intent).toBe('ship_urge');
    expect(classify('\u2067什么时候发货\u2069').intent).toBe('ship_urge');
  });

  it('answers a megabyte message from its start and end', () => {
    const result = classify(`还没发货吗${'，'.repeat(1_000_000)}`);
    expect(result.intent).toBe('ship_urge');
  });
});

describe('classify: follow-ups read with the conversation', () => {
  it('reads “还没发？” after a shipping question as ship_urge', () => {
    expect(classify('还没发？', ['你好', '请问什么时候发货']).intent).toBe('ship_urge');
  });

  it('reads a message that means nothing alone as continuing the earlier question', () => {
    expect(classify('还要等多久啊').intent).toBeNull();
    const result = classify('还要等多久啊', ['你好', '请问什么时候发货']);
    expect(result.intent).toBe('ship_urge');
    expect(result.followUp).toBe(true);
    expect(result.matched).toEqual(['上文同一意图']);
  });

  it('reads “那什么时候到” after a tracking question as logistics', () => {
    expect(classify('那什么时候到', ['我的快递到哪了']).intent).toBe('logistics');
  });

  it('reads “在吗” after an unanswered question as that question again, and alone as nothing', () => {
    expect(classify('在吗').intent).toBeNull();
    const result = classify('在吗？', ['昨天拍的裙子什么时候发货']);
    expect(result.intent).toBe('ship_urge');
    expect(result.followUp).toBe(true);
  });

  it('keeps the pending question for a message with no intent that does not continue it', () => {
    const result = classify('好的', ['我的快递到哪了']);
    expect(result.intent).toBeNull();
    expect(result.pending).toBe('logistics');
  });

  it('reads a bare “还没退” after a refund question as refund_progress', () => {
    expect(classify('还没退', ['退款什么时候到账']).intent).toBe('refund_progress');
  });

  it('does not let the history speak for a message that has its own intent', () => {
    const result = classify('能开发票吗', ['什么时候发货']);
    expect(result.intent).toBe('invoice');
    expect(result.followUp).toBe(false);
    expect(result.pending).toBeNull();
  });

  it('ignores history that had no intent', () => {
    const result = classify('还要等多久啊', ['你好', '谢谢']);
    expect(result.matched).not.toContain('上文同一意图');
    expect(result.pending).toBeNull();
  });
});

describe('classify: the order state', () => {
  it('reads a parcel question about an order not shipped yet as ship_urge', () => {
    const alone = classify('快递到哪了');
    expect(alone.intent).toBe('logistics');
    const result = classify('快递到哪了', [], { orderNode: 'awaiting_shipment' });
    expect(result.intent).toBe('ship_urge');
    expect(result.matched).toContain('订单还没发货');
    expect(classify('快递到哪了', [], { orderNode: 'in_transit' }).intent).toBe('logistics');
  });
});

describe('classify: urgency', () => {
  it('flags a complaint or a threat', () => {
    expect(classify('我要投诉你们').urgent).toBe(true);
    expect(classify('再不发货我就去投诉').urgent).toBe(true);
  });

  it('flags shouting only when the buyer asks for something', () => {
    expect(classify('到底什么时候发货！！！').urgent).toBe(true);
    expect(classify('哈哈哈！！！').urgent).toBe(false);
  });

  it('does not flag calm questions', () => {
    for (const text of ['请问什么时候发货', '能开发票吗', '可以便宜点吗'])
      expect(classify(text).urgent, text).toBe(false);
  });
});

describe('classify: ranking, confidence and explanation', () => {
  it('keeps every confidence in [0, 1], best first, and the shown intent above its threshold', () => {
    for (const text of [
      '什么时候发货',
      '快递到哪了，还没到，怎么回事，物流不更新',
      '你好',
      '发票什么时候开？还有能发顺丰吗',
    ]) {
      const result = classify(text);
      for (const { confidence } of result.intents) {
        expect(confidence).toBeGreaterThan(0);
        expect(confidence).toBeLessThanOrEqual(1);
      }
      const confidences = result.intents.map((i) => i.confidence);
      expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
      if (result.intent) {
        expect(result.confidence).toBeGreaterThanOrEqual(thresholdOf(result.intent));
        expect(result.intents[0]).toEqual({ id: result.intent, confidence: result.confidence });
      }
    }
  });

  it('explains itself with the rules that fired and the strongest n-grams', () => {
    const result = classify('什么时候发货');
    expect(result.matched).toContain('“发货” + 问时间');
    expect(result.matched.some((why) => why.startsWith('字词「'))).toBe(true);
  });
});
