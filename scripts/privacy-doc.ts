/**
 * Writes PRIVACY.md from lib/i18n/privacy.ts, the text the options page's 关于与隐私 shows, so the policy a store
 * reviewer reads from the repository is the one in the extension. `npm run privacy-doc`; a unit test fails when
 * the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { en, type PrivacyStrings, zh } from '@/lib/i18n/privacy';

function markdown(policy: PrivacyStrings, version: string) {
  const lines = [`## ${policy.title}`, '', `${policy.version(version)} · ${policy.updated}`, ''];
  for (const text of policy.intro) lines.push(text, '');
  for (const section of policy.sections) {
    lines.push(`### ${section.heading}`, '');
    for (const text of section.paragraphs) lines.push(text, '');
    if (section.items.length > 0) lines.push(...section.items.map((text) => `- ${text}`), '');
  }
  return lines.join('\n');
}

/** PRIVACY.md's text: Chinese first, then English, each with the version it describes. */
export function privacyMarkdown(version: string) {
  return [
    '# 隐私政策 · Privacy policy',
    '',
    '<!-- Written by `npm run privacy-doc` from lib/i18n/privacy.ts; edit that file, not this one. -->',
    '',
    '[中文](#话术助手隐私政策) · [English](#huashu-privacy-policy)',
    '',
    markdown(zh, version),
    markdown(en, version),
  ]
    .join('\n')
    .trimEnd()
    .concat('\n');
}

export const PRIVACY_PATH = resolve(import.meta.dirname, '..', 'PRIVACY.md');

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { version } = (await import('../package.json', { with: { type: 'json' } })).default;
  writeFileSync(PRIVACY_PATH, privacyMarkdown(version));
  console.log(`wrote ${PRIVACY_PATH}`);
}
