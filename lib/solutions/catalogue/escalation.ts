import type { IntentCatalogue } from './types';

/** 投诉/转人工. */
export const escalation: IntentCatalogue = {
  intent: 'escalation',
  nodes: {},
  none: {
    replies: [
      {
        id: 'escalation.none.1',
        text: '亲，非常抱歉给您带来不好的体验，我是人工客服，您的问题我来为您处理，麻烦您说一下具体情况好吗？',
      },
    ],
    actions: [],
  },
};
