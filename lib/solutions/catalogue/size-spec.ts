import type { IntentCatalogue } from './types';

/** 尺码规格. */
export const sizeSpec: IntentCatalogue = {
  intent: 'size_spec',
  nodes: {},
  none: {
    replies: [{ id: 'size_spec.none.1', text: '亲，麻烦您告诉我您的身高体重或想了解的规格，我帮您推荐合适的哦~' }],
    actions: [],
  },
};
