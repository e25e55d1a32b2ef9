import { describe, expect, it } from 'vitest';
import { classify } from '../../lib/engine/classify';

describe('classify: the shipping question the extension is built around', () => {
  it.each(['什么时候发货', '怎么还不发货', '几天能发货啊', '還沒發貨嗎'])('%s → ship_urge', (text) => {
    expect(classify(text).intent).toBe('ship_urge');
  });

  it.each(['你好', '谢谢', '发货很快，谢谢'])('%s → null, no popup', (text) => {
    const result = classify(text);
    expect(result.intent).toBeNull();
    expect(result.confidence).toBe(0);
  });
});
