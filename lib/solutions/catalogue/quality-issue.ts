import type { IntentCatalogue } from './types';

/** 商品质量问题. */
export const qualityIssue: IntentCatalogue = {
  intent: 'quality_issue',
  nodes: {},
  none: {
    replies: [
      {
        id: 'quality_issue.none.1',
        text: '亲，非常抱歉给您带来不好的体验！麻烦您提供一下订单号和问题照片，我马上帮您处理~',
      },
    ],
    actions: [],
  },
};
