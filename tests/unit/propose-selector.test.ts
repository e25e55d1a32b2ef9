// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import {
  ancestorAt,
  isHashedClass,
  isStableId,
  proposeRepeatedSelector,
  proposeSelector,
  proposeSenderRule,
  proposeWithin,
  repeatedUnit,
} from '@/lib/pages/propose-selector';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

function one(selector: string): Element {
  const found = document.querySelector(selector);
  if (!found) throw new Error(`fixture has no ${selector}`);
  return found;
}

/** Selectors a build would break: a hashed class or a number from one record. */
const FRAGILE = /sc-|css-|_3kf9a|kVtMtA|a8Kd2|\d{3,}/;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('what counts as generated', () => {
  test.each([
    'sc-AxjAm',
    'kVtMtA',
    'bZKpGs',
    'css-1x2y3z',
    'css-1x2y3z-Bubble',
    '_msg_3kf9a',
    'Message_msg__3kf9a',
    'iD7SHBvMhm4OhfCsBGr1',
    'item-20391',
  ])('%s is a hashed class', (name) => {
    expect(isHashedClass(name)).toBe(true);
  });

  test.each([
    'message',
    'msg-item',
    'cs-message--incoming',
    'MessageList',
    'chat-input',
    'btn-primary',
    'h-10',
    'isOpen',
  ])('%s is a developer-written class', (name) => {
    expect(isHashedClass(name)).toBe(false);
  });

  test('ids with digits or generated punctuation are not stable', () => {
    expect(isStableId('composer')).toBe(true);
    expect(isStableId('chat-input')).toBe(true);
    expect(isStableId('msg-1042')).toBe(false);
    expect(isStableId(':r3:')).toBe(false);
    expect(isStableId('')).toBe(false);
  });
});

describe('one element', () => {
  test('a data attribute wins over hashed classes', () => {
    page(`
      <div class="sc-AxjAm kVtMtA"><textarea class="_input_3kf9a" data-testid="composer"></textarea></div>
      <div class="sc-AxjAm kVtMtA"><textarea class="_input_3kf9a"></textarea></div>`);
    const proposal = proposeSelector(one('[data-testid]'));
    expect(proposal.selector).toBe('[data-testid="composer"]');
    expect(proposal.count).toBe(1);
  });

  test('an id with digits is skipped for an aria label', () => {
    page(`<button id="btn-7731" class="css-1x2y3z" aria-label="发送">发送</button><button id="btn-7732">取消</button>`);
    const proposal = proposeSelector(one('#btn-7731'));
    expect(proposal.selector).toBe('[aria-label="发送"]');
    expect(document.querySelectorAll(proposal.selector)).toHaveLength(1);
  });

  test('with nothing stable of its own, it is anchored on a stable ancestor', () => {
    page(`
      <div class="toolbar"><button class="sc-bdVaJa">表情</button></div>
      <footer role="group" aria-label="composer"><div class="css-9a8b7c"><button class="sc-bdVaJa">发送</button></div></footer>`);
    const send = one('footer button');
    const proposal = proposeSelector(send);
    expect(proposal.count).toBe(1);
    expect(document.querySelector(proposal.selector)).toBe(send);
    expect(proposal.selector).not.toMatch(FRAGILE);
    expect(proposal.selector).toMatch(/^\[(role="group"|aria-label="composer")\] /);
  });

  test('of two classes that both find it, the more specific one', () => {
    page(`<footer><button class="cs-button cs-button--send" type="button">发送</button></footer>`);
    expect(proposeSelector(one('button')).selector).toBe('.cs-button--send');
  });

  test('position is the last resort, and still finds the element', () => {
    page(`<main><div><span>a</span><span>b</span></div><div><span>c</span><span>d</span></div></main>`);
    const target = one('main > div:nth-of-type(2) > span:nth-of-type(2)');
    const proposal = proposeSelector(target);
    expect(document.querySelector(proposal.selector)).toBe(target);
    expect(proposal.count).toBe(1);
  });

  test('widening walks up to the ancestors and stops below the body', () => {
    page(`<section class="chat"><ul class="list"><li><span>x</span></li></ul></section>`);
    const clicked = one('span');
    expect(ancestorAt(clicked, 0)).toBe(clicked);
    expect(ancestorAt(clicked, 1)).toBe(one('li'));
    expect(ancestorAt(clicked, 3)).toBe(one('section'));
    expect(ancestorAt(clicked, 9)).toBe(one('section'));
  });
});

/** A list with hashed classes, record ids and a date separator between messages, like a styled-components chat. */
const CHAT = `
  <aside class="sc-conv"><div class="item _row_3kf9a" data-id="c-1"><span>王小明</span></div>
    <div class="item _row_3kf9a" data-id="c-2"><span>李雷</span></div></aside>
  <div class="message-list sc-AxjAm" role="log">
    <div class="separator">今天</div>
    <div class="item msg msg--in _msg_3kf9a" data-msg-id="1041"><div class="bubble"><p class="text">在吗</p></div></div>
    <div class="item msg msg--out _msg_3kf9a" data-msg-id="1042"><div class="bubble"><p class="text">亲，在的</p></div></div>
    <div class="item msg msg--in _msg_3kf9a" data-msg-id="1043"><div class="bubble"><p class="text">什么时候发货</p></div></div>
    <div class="item msg msg--out _msg_3kf9a" data-msg-id="1044"><div class="bubble"><p class="text">今天发</p></div></div>
  </div>`;

describe('repeated messages', () => {
  test('a click on a buyer message text proposes the message, matching every message and nothing else', () => {
    page(CHAT);
    const list = one('[role="log"]');
    const unit = repeatedUnit(one('[data-msg-id="1043"] p'), list);
    expect(unit).toBe(one('[data-msg-id="1043"]'));
    const proposal = proposeRepeatedSelector(unit, list);
    expect(proposal.count).toBe(4);
    expect(Array.from(document.querySelectorAll(proposal.selector))).toEqual(
      Array.from(document.querySelectorAll('[data-msg-id]')),
    );
    expect(proposal.selector).not.toMatch(FRAGILE);
  });

  test('a class the conversation rows share is anchored on the list, so rows are not read as messages', () => {
    page(CHAT.replace(/ data-msg-id="\d+"/g, '').replace(/ msg msg/g, ' msg'));
    const list = one('[role="log"]');
    const unit = repeatedUnit(one('.msg--in p'), list);
    const proposal = proposeRepeatedSelector(unit, list);
    expect(proposal.count).toBe(4);
    for (const el of Array.from(document.querySelectorAll(proposal.selector))) expect(list.contains(el)).toBe(true);
  });

  test('messages go by their base class, not a modifier that only the messages on screen share', () => {
    page(`<div class="list">
      <section class="cs-message cs-message--single cs-message--incoming"><p>a</p></section>
      <section class="cs-message cs-message--single cs-message--outgoing"><p>b</p></section></div>`);
    const list = one('.list');
    const proposal = proposeRepeatedSelector(repeatedUnit(one('section p'), list), list);
    expect(proposal.selector).toBe('section.cs-message');
  });

  test('messages inside date groups: the message is the unit, not its group', () => {
    page(`<div class="thread">
      <section class="day"><div class="row"><span>a</span></div><div class="row"><span>b</span></div></section>
      <section class="day"><div class="row"><span>c</span></div><div class="row"><span>d</span></div><div class="row"><span>e</span></div></section>
    </div>`);
    const list = one('.thread');
    const unit = repeatedUnit(one('section:nth-of-type(2) .row:nth-of-type(2) span'), list);
    expect(unit.className).toBe('row');
    expect(proposeRepeatedSelector(unit, list).count).toBe(5);
  });

  test('the text is proposed relative to its message', () => {
    page(CHAT);
    const message = one('[data-msg-id="1041"]');
    const text = proposeWithin(message, one('[data-msg-id="1041"] p'));
    expect(text).toBe('p.text');
    expect(one('[data-msg-id="1044"]').querySelector(text)?.textContent).toBe('今天发');
    expect(proposeWithin(message, message)).toBe('');
  });
});

/** How a page definition finds a part in a message: the message itself when it matches, else a descendant. */
const holds = (message: Element, rule: string) => message.matches(rule) || message.querySelector(rule) !== null;

describe('buyer or agent', () => {
  test('told apart by a class on the message', () => {
    page(CHAT);
    const rule = proposeSenderRule(one('[data-msg-id="1041"]'), one('[data-msg-id="1042"]'));
    expect(rule).toEqual({ buyer: ':scope.msg--in', agent: ':scope.msg--out' });
    for (const id of ['1041', '1043']) expect(holds(one(`[data-msg-id="${id}"]`), rule?.buyer ?? '')).toBe(true);
    for (const id of ['1042', '1044']) expect(holds(one(`[data-msg-id="${id}"]`), rule?.buyer ?? '')).toBe(false);
  });

  test('told apart by an attribute when the classes are the same', () => {
    page(`<div class="list">
      <div class="m _m_3kf9a" data-direction="incoming">a</div><div class="m _m_3kf9a" data-direction="outgoing">b</div></div>`);
    const rule = proposeSenderRule(one('[data-direction="incoming"]'), one('[data-direction="outgoing"]'));
    expect(rule).toEqual({ buyer: ':scope[data-direction="incoming"]', agent: ':scope[data-direction="outgoing"]' });
  });

  test('told apart by what only one of them holds, and no inner element passes for the other side', () => {
    page(`<div class="list">
      <div class="m"><img class="avatar" alt=""><p>在吗</p></div><div class="m"><p>在的</p></div></div>`);
    const [buyer, agent] = Array.from(document.querySelectorAll('.m'));
    const rule = proposeSenderRule(buyer, agent);
    expect(rule).not.toBeNull();
    expect(holds(buyer, rule?.buyer ?? '')).toBe(true);
    expect(holds(agent, rule?.buyer ?? '')).toBe(false);
    expect(holds(agent, rule?.agent ?? '')).toBe(true);
    // The buyer's <p> lacks the avatar too: a bare :not() would have read the buyer's message as the agent's.
    expect(holds(buyer, rule?.agent ?? '')).toBe(false);
  });

  test('null when the two look the same to CSS', () => {
    page(`<div class="list"><div class="m">a</div><div class="m">b</div></div>`);
    const [buyer, agent] = Array.from(document.querySelectorAll('.m'));
    expect(proposeSenderRule(buyer, agent)).toBeNull();
  });
});
