import type { Language } from '@/lib/language';

/** The toolbar popup's own copy; the words it shares with the chat page come from popup.ts. */
export const zh = {
  settingsTitle: '设置',
  jump: '跳到等待最久的买家',
  nobodyWaiting: '没有等待回复的买家',
  notChatPage: '当前标签页不是支持的客服工作台',
  waitingList: '等待回复',
};

export type ToolbarStrings = typeof zh;

export const en: ToolbarStrings = {
  settingsTitle: 'Settings',
  jump: 'Jump to the longest-waiting buyer',
  nobodyWaiting: 'No buyer is waiting for a reply',
  notChatPage: 'This tab is not a supported chat workbench',
  waitingList: 'Waiting for a reply',
};

export function toolbarStrings(language: Language): ToolbarStrings {
  return language === 'en' ? en : zh;
}
