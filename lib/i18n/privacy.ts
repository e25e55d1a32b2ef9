/**
 * The privacy policy, in both languages: the options page's 关于与隐私 page shows it, and PRIVACY.md is written
 * from it (`npm run privacy-doc`; a unit test fails when the two differ), so the page, the README's link and the
 * store listing's policy say the same thing.
 *
 * What it states is checked elsewhere: the stores in lib/store, lib/feedback and lib/stats; the masking in
 * lib/feedback/mask.ts; the webhook bodies in lib/feedback/service.ts and lib/stats/summary.ts; and "nothing
 * else leaves the browser" by tests/e2e/privacy.test.ts, which watches every request of a working session.
 */
import type { Language } from '@/lib/language';

interface PolicySection {
  heading: string;
  paragraphs: string[];
  items: string[];
}

export const zh = {
  tab: '关于与隐私',
  title: '话术助手隐私政策',
  version: (version: string) => `版本 ${version}`,
  updated: '更新于 2026-11-29',
  intro: [
    '话术助手（Huashu）是一个浏览器扩展：在店铺的客服工作台上识别买家的问题，并推荐回复（话术）。它完全在您的浏览器里运行，没有开发者自己的服务器，也不为开发者收集任何数据。',
  ],
  sections: [
    {
      heading: '它在聊天页面上读取什么',
      paragraphs: [
        '只在支持的客服页面上运行：飞鸽（im.jinritemai.com、pigeon.jinritemai.com）和拼多多商家后台聊天（mms.pinduoduo.com）。在这些页面上，它读取当前会话的消息、页面上显示的买家订单，以及会话列表里的等待时间，只用于在本机推荐回复和提醒慢回复。买家的消息不会被保存，除非客服主动提交「我要反馈」（见下文）。',
      ],
      items: [],
    },
    {
      heading: '保存在本机的数据',
      paragraphs: ['以下数据只保存在这个浏览器的 IndexedDB 里，卸载扩展即全部删除：'],
      items: [
        '店铺话术库：修改过的回复、自定义回复、关键词规则、关闭的意图、设置（语言、慢回复阈值等）、页面选择器覆盖，以及每个意图的命中次数。',
        '反馈收件箱：客服提交的反馈，包括问题描述、客服附上的截图，以及当时的上下文（买家消息、推荐的回复、订单号和商品）。文字中的手机号、固定电话、身份证号、银行卡号、微信号、QQ、邮箱和详细地址在保存前已打码；订单号保留，便于管理员核对。截图按原样保存，请客服在截图前遮挡个人信息。',
        '统计：按「日期 × 意图 × 本浏览器的随机编号」汇总的数字（买家消息数、推荐展示与使用次数、回复用时、每小时消息数）。不含买家昵称，不含消息内容。',
      ],
    },
    {
      heading: '如果店铺连接了店铺服务器',
      paragraphs: [
        '管理员可以为店铺连接一台由店铺自己部署和管理的服务器（选项页「店铺服务器」）。连接后，该服务器保存店铺的话术库、客服提交的反馈（与上文相同，已打码，并带有提交的客服名称）以及每位客服每天的统计汇总，供店铺内的客服共享。这台服务器归店铺所有，话术助手的开发者无法访问。如果管理员在连接后的「反馈」页为店铺设置了 Webhook，由服务器把每条新反馈（内容同下文「Webhook 发送什么」，并带有提交的客服名称）转发到该地址。扩展只在管理员或客服连接时请求该服务器地址的访问权限。连接信息（服务器地址、本浏览器的凭证、店铺名称、您的名字和角色）只保存在本浏览器中；断开时凭证在服务器上作废。',
      ],
      items: [],
    },
    {
      heading: 'Webhook 发送什么',
      paragraphs: ['只有管理员在「反馈」页填写了 Webhook 地址，浏览器才会请求访问这一个网站的权限，并向它发送：'],
      items: [
        '每条新反馈一次：反馈的编号、时间、类别、已打码的问题描述、已打码的上下文（买家消息、推荐的回复、意图、订单号和商品）以及截图。发送失败会稍后重试，编号作为幂等键，不会重复。',
        '如果管理员在「统计」页打开了每日汇总：每天一次，发送前一天本浏览器的统计数字（与上文统计相同，只有数字）。',
      ],
    },
    {
      heading: '除此之外，没有任何数据离开浏览器',
      paragraphs: [
        '话术助手不向开发者或任何第三方发送数据，不使用分析或广告服务，不加载远程代码。扩展发出的网络请求只会发往：您正在使用的客服页面、店铺连接的店铺服务器，以及管理员设置的 Webhook。自动化测试会在一次完整的使用过程中检查这一点。',
      ],
      items: [],
    },
    {
      heading: '您的选择',
      paragraphs: [
        '管理员可以随时清空 Webhook 地址、关闭每日汇总、在「统计」页重置统计、在收件箱删除反馈。卸载扩展会删除它在本机保存的全部数据。有关本政策的问题，请联系为您安装话术助手的店铺管理员。',
      ],
      items: [],
    },
  ] satisfies PolicySection[],
};

export type PrivacyStrings = typeof zh;

export const en: PrivacyStrings = {
  tab: 'About & privacy',
  title: 'Huashu privacy policy',
  version: (version) => `Version ${version}`,
  updated: 'Updated 2026-11-29',
  intro: [
    "Huashu (话术助手) is a browser extension that recognises buyers' questions on a shop's customer-service chat page and suggests replies. It runs entirely in your browser. Its makers run no server for it and collect no data through it.",
  ],
  sections: [
    {
      heading: 'What it reads on chat pages',
      paragraphs: [
        "It runs only on the chat pages it supports: 飞鸽 (im.jinritemai.com, pigeon.jinritemai.com) and 拼多多 merchant chat (mms.pinduoduo.com). There it reads the open conversation's messages, the buyer's orders the page shows and the waiting times in the conversation list, only to suggest replies and flag slow replies on this computer. Buyers' messages are not kept, unless an agent chooses to send feedback (see below).",
      ],
      items: [],
    },
    {
      heading: 'What is stored on this computer',
      paragraphs: [
        "The following stays in this browser's IndexedDB and is deleted with the extension when it is removed:",
      ],
      items: [
        "The shop's reply library: edited replies, the shop's own replies, keyword rules, switched-off intents, settings (language, slow-reply threshold and so on), page selector overrides, and how often each intent was suggested.",
        "The feedback inbox: feedback agents send, with its description, the screenshots the agent attached, and what the popup showed (the buyer's message, the suggested replies, the order number and product). Mobile and landline numbers, ID and bank card numbers, WeChat and QQ ids, email addresses and street addresses in its text are masked before it is stored; the order number is kept so the admin can look it up. Screenshots are stored as attached: agents should cover personal data before taking them.",
        'Statistics: figures per day × intent × a random id of this browser (buyer messages, suggestions shown and used, reply times, messages per hour). No buyer names and no message text.',
      ],
    },
    {
      heading: 'If your shop connects a shop server',
      paragraphs: [
        "An admin can connect the shop to a server that the shop itself runs (the options page's Shop server page). Once connected, that server stores the shop's reply library, the feedback agents send (masked as above, with the sending agent's name) and each agent's daily statistics, so the shop's agents share them. The server belongs to the shop; Huashu's makers have no access to it. If an admin sets the shop's webhook on the Feedback page while connected, the server forwards each new feedback item there (the same content as under \"What the webhook sends\", with the sending agent's name). The extension asks for access to that server's address only when an admin or agent connects. The connection (the server's address, this browser's token, the shop's name, your name and role) is kept in this browser only; disconnecting makes the token useless on the server.",
      ],
      items: [],
    },
    {
      heading: 'What the webhook sends',
      paragraphs: [
        'Only when an admin enters a webhook address on the Feedback page does the browser ask for access to that one site, and then it sends it:',
      ],
      items: [
        "Each new feedback item once: its id, time, category, the masked description, the masked context (the buyer's message, the suggested replies, the intent, the order number and product) and the screenshots. A failed delivery is retried later; the id is an idempotency key, so nothing arrives twice.",
        "If the admin switches on the daily summary on the Statistics page: once a day, the previous day's figures from this browser (the statistics above: figures only).",
      ],
    },
    {
      heading: 'Nothing else leaves the browser',
      paragraphs: [
        "Huashu sends nothing to its makers or to any third party, uses no analytics or advertising service and loads no remote code. The extension's network requests go only to the chat page you are using, the shop server your shop connects, and the webhook the admin sets. An automated test checks this over a whole working session.",
      ],
      items: [],
    },
    {
      heading: 'Your choices',
      paragraphs: [
        'An admin can clear the webhook address, switch the daily summary off, reset the statistics on the Statistics page and delete feedback in the inbox at any time. Removing the extension deletes everything it stored on this computer. For questions about this policy, contact the shop admin who installed Huashu for you.',
      ],
      items: [],
    },
  ],
};

export function privacyStrings(language: Language): PrivacyStrings {
  return language === 'zh' ? zh : en;
}
