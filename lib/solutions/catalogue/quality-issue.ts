import type { IntentCatalogue } from '@/lib/solutions/catalogue/types';

const ASK_FOR_EVIDENCE = {
  zh: '请先请买家提供照片或视频凭证，再按店铺售后规则处理。',
  en: 'Ask the buyer for photos or a video first, then follow the shop’s after-sale rules.',
};

/** 商品质量问题: apologise first, ask for evidence, then point to the after-sale path. */
export const qualityIssue: IntentCatalogue = {
  intent: 'quality_issue',
  nodes: {
    delivered: {
      replies: [
        {
          id: 'quality_issue.delivered.1',
          text: '亲，非常抱歉给您带来不好的体验！麻烦您拍一下{商品}问题部位的照片发给我，我们马上为您处理~',
        },
        {
          id: 'quality_issue.delivered.2',
          text: '亲，真的很抱歉，商品有质量问题的话，您可以在订单详情里申请退货退款或换货，我们会优先为您处理~',
        },
        {
          id: 'quality_issue.delivered.3',
          text: '亲，收到照片后我们会第一时间核实，给您一个满意的处理方案，请您放心~',
        },
      ],
      actions: ['open_order'],
      notices: [ASK_FOR_EVIDENCE],
    },
    shipped: {
      replies: [
        {
          id: 'quality_issue.shipped.1',
          text: '亲，您的包裹还在路上哦，收到后如果发现任何质量问题，请拍照告诉我，我们一定为您处理~',
        },
      ],
      actions: ['send_logistics'],
    },
    in_transit: {
      replies: [
        {
          id: 'quality_issue.in_transit.1',
          text: '亲，您的包裹还在运输途中，收到后如果发现任何质量问题，请拍照告诉我，我们一定为您处理~',
        },
      ],
      actions: ['send_logistics'],
    },
    after_sale: {
      replies: [
        {
          id: 'quality_issue.after_sale.1',
          text: '亲，非常抱歉！您的售后申请我们已经收到了，会尽快核实处理，请您耐心等待一下哦~',
        },
        {
          id: 'quality_issue.after_sale.2',
          text: '亲，如果还没有上传照片，麻烦您在售后申请里补充一下，方便我们尽快为您处理~',
        },
      ],
      actions: ['open_order'],
      notices: [ASK_FOR_EVIDENCE],
    },
  },
  anyOrder: {
    replies: [
      {
        id: 'quality_issue.any.1',
        text: '亲，非常抱歉！麻烦您详细说一下遇到的问题，最好附上照片，我们马上为您处理~',
      },
    ],
    actions: ['open_order'],
    notices: [ASK_FOR_EVIDENCE],
  },
  none: {
    replies: [
      {
        id: 'quality_issue.none.1',
        text: '亲，非常抱歉给您带来不好的体验！麻烦您提供一下订单号和问题照片，我马上帮您处理~',
      },
    ],
    actions: [],
    notices: [ASK_FOR_EVIDENCE],
  },
};
