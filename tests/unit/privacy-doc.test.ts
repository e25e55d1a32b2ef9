import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en, zh } from '@/lib/i18n/privacy';
import packageJson from '@/package.json';
import { PRIVACY_PATH, privacyMarkdown } from '@/scripts/privacy-doc';

describe('the privacy policy', () => {
  it('PRIVACY.md is the policy the options page shows, for this version (npm run privacy-doc rewrites it)', () => {
    expect(readFileSync(PRIVACY_PATH, 'utf8')).toBe(privacyMarkdown(packageJson.version));
  });

  it('covers what is stored locally, a shop server, the webhook and that nothing else leaves, in both languages', () => {
    expect(zh.sections.map((section) => section.heading)).toEqual([
      '它在聊天页面上读取什么',
      '保存在本机的数据',
      '如果店铺连接了店铺服务器',
      'Webhook 发送什么',
      '除此之外，没有任何数据离开浏览器',
      '您的选择',
    ]);
    expect(en.sections.map((section) => section.heading)).toEqual([
      'What it reads on chat pages',
      'What is stored on this computer',
      'If your shop connects a shop server',
      'What the webhook sends',
      'Nothing else leaves the browser',
      'Your choices',
    ]);
  });
});
