import { describe, expect, it } from 'vitest';
import {
  type AssistantEvent,
  type AssistantState,
  conversationOf,
  INITIAL_STATE,
  isAutomatic,
  MAX_CARDS_PER_CONVERSATION,
  mayAutoSend,
  reduce,
  visible,
} from '@/lib/conversation/reducer';
import type { IntentId } from '@/lib/intents/ids';
import type { SuggestRequest } from '@/lib/messages/background-map';
import type { Solution } from '@/lib/solutions/types';

function request(messageId: string, text: string): SuggestRequest {
  return { conversationId: 'c1', messageId, text, history: [], orders: [], capabilities: [] };
}

function solution(messageId: string, intent: IntentId, label: string): Solution {
  return {
    conversationId: 'c1',
    messageId,
    intent,
    intentLabel: label,
    confidence: 0.9,
    why: [],
    order: null,
    node: null,
    otherOrders: [],
    replies: [{ id: `${intent}-1`, text: `${label}的回复`, source: 'official' }],
    actions: [],
    notices: [],
    omitted: [],
    second: null,
    urgent: false,
  };
}

/** A message the agent typed on the page. */
const agentText = { kind: 'text', text: '亲，马上为您查询' } as const;

const changeAddress = { request: request('m1', '我要改地址'), solution: solution('m1', 'change_address', '修改地址') };
const hello = { request: request('m2', '在吗'), solution: null };

function run(...events: AssistantEvent[]): AssistantState {
  return events.reduce(reduce, INITIAL_STATE);
}

function answer(sequence: number, asked: { request: SuggestRequest; solution: Solution | null }, fresh = true) {
  return { type: 'answered', conversationId: 'c1', sequence, fresh, ...asked } as const;
}

const ask = { type: 'asked', conversationId: 'c1' } as const;
const open = (conversationId: string) => ({ type: 'opened', conversationId }) as const;

function shownText(state: AssistantState): string | undefined {
  return visible(state)?.conversation.request?.text;
}

describe('bursts: 我要改地址 then 在吗', () => {
  it('keeps 改地址 when the two arrive 5 ms apart and 在吗 is answered first', () => {
    const state = run(open('c1'), ask, ask, answer(2, hello), answer(1, changeAddress));
    expect(shownText(state)).toBe('我要改地址');
    expect(visible(state)?.conversation.solution?.intent).toBe('change_address');
  });

  it('keeps 改地址 when the two arrive 5 ms apart and 改地址 is answered first', () => {
    const state = run(open('c1'), ask, ask, answer(1, changeAddress), answer(2, hello));
    expect(shownText(state)).toBe('我要改地址');
  });

  it('keeps 改地址 when both waited in an unopened conversation that the agent opens later', () => {
    // Another conversation is on screen while both arrive; the pair is read once c1 opens.
    let state = run(open('c0'));
    expect(visible(state)).toBeNull();
    state = [open('c1'), ask, ask, answer(2, hello), answer(1, changeAddress)].reduce(reduce, state);
    expect(shownText(state)).toBe('我要改地址');
    // Switching away and back keeps it.
    state = [open('c0'), open('c1')].reduce(reduce, state);
    expect(shownText(state)).toBe('我要改地址');
  });

  it('shows a pending answer in a conversation the agent opens after it arrived', () => {
    const state = run(open('c0'), ask, answer(1, changeAddress), open('c1'));
    expect(shownText(state)).toBe('我要改地址');
  });
});

describe('ordering of answers', () => {
  const shipping = { request: request('m3', '什么时候发货'), solution: solution('m3', 'ship_urge', '发货时间') };

  it('never lets a late answer to an older question overwrite a newer one', () => {
    const state = run(open('c1'), ask, ask, answer(2, shipping), answer(1, changeAddress));
    expect(shownText(state)).toBe('什么时候发货');
  });

  it('lets a newer question replace the shown one', () => {
    const state = run(open('c1'), ask, answer(1, changeAddress), ask, answer(2, shipping));
    expect(shownText(state)).toBe('什么时候发货');
  });

  it('never lets a no-intent message erase the pending question, even several of them', () => {
    const state = run(open('c1'), ask, answer(1, changeAddress), ask, ask, answer(2, hello), answer(3, hello));
    expect(shownText(state)).toBe('我要改地址');
  });

  it('clears the suggestion when a refresh finds the intent turned off', () => {
    const state = run(
      open('c1'),
      ask,
      answer(1, changeAddress),
      ask,
      answer(2, { ...changeAddress, solution: null }, false),
    );
    expect(visible(state)).toBeNull();
  });

  it('keeps the agent’s close on a refresh, and reopens on a new question', () => {
    let state = run(open('c1'), ask, answer(1, changeAddress), { type: 'closed', conversationId: 'c1' });
    state = [ask, answer(2, changeAddress, false)].reduce(reduce, state);
    expect(visible(state)).toBeNull();
    state = [ask, answer(3, shipping)].reduce(reduce, state);
    expect(shownText(state)).toBe('什么时候发货');
  });

  it('does not pop a suggestion back up for a question the agent answered by hand meanwhile', () => {
    const state = run(
      open('c1'),
      ask,
      answer(1, changeAddress),
      { type: 'closed', conversationId: 'c1' },
      ask,
      { type: 'agentReplied', conversationId: 'c1', message: agentText },
      answer(2, shipping),
    );
    expect(visible(state)).toBeNull();
    expect(conversationOf(state, 'c1').request?.text).toBe('什么时候发货');
  });

  it('forgets every conversation when the extension is reloaded under the page', () => {
    const state = run(open('c1'), ask, answer(1, changeAddress), { type: 'reset' });
    expect(visible(state)).toBeNull();
    expect(conversationOf(state, 'c1').asked).toBe(0);
  });
});

describe('the order prediction card', () => {
  const shipping = { request: request('m1', '什么时候发货'), solution: solution('m1', 'ship_urge', '发货时间') };
  const question = { kind: 'text', text: '亲，请问您咨询的是这个订单吗？' } as const;
  const card = { kind: 'order-card', text: '', orderId: 'o1' } as const;
  const sent = { type: 'cardSent', conversationId: 'c1' } as const;
  const sendingAutomatically = (message: typeof question | typeof card) =>
    ({ type: 'sendingAutomatically', conversationId: 'c1', message }) as const;
  const offered = { type: 'cardOffered', conversationId: 'c1', messageId: 'm1', orderId: 'o1' } as const;

  it('allows one for the shown answer in the open conversation', () => {
    const state = run(open('c1'), ask, answer(1, shipping));
    expect(mayAutoSend(state, 'c1', 'm1')).toBe(true);
  });

  it('are capped per conversation, however many buyer messages a page script forges', () => {
    let state = run(open('c1'));
    let sends = 0;
    for (let i = 1; i <= 20; i++) {
      const forged = {
        request: request(`f${i}`, '什么时候发货'),
        solution: solution(`f${i}`, 'ship_urge', '发货时间'),
      };
      state = [ask, answer(i, forged)].reduce(reduce, state);
      if (mayAutoSend(state, 'c1', `f${i}`)) {
        sends++;
        state = reduce(state, sent);
      }
    }
    expect(sends).toBe(MAX_CARDS_PER_CONVERSATION);
  });

  it('never go to a conversation that is not on screen, nor for an answer no longer shown', () => {
    const shown = run(open('c1'), ask, answer(1, shipping));
    expect(mayAutoSend(reduce(shown, open('c2')), 'c1', 'm1')).toBe(false);
    expect(mayAutoSend(shown, 'c1', 'older')).toBe(false);
  });

  it('never follow a question the agent already answered by hand', () => {
    const state = run(
      open('c1'),
      ask,
      { type: 'agentReplied', conversationId: 'c1', message: agentText },
      answer(1, shipping),
    );
    expect(mayAutoSend(state, 'c1', 'm1')).toBe(false);
  });

  it('sent automatically, is not the agent’s reply: the question stays open, and only the agent’s own message closes it', () => {
    let state = run(
      open('c1'),
      ask,
      answer(1, shipping),
      sent,
      sendingAutomatically(question),
      sendingAutomatically(card),
    );
    for (const message of [card, question]) {
      expect(isAutomatic(state, 'c1', message)).toBe(true);
      state = reduce(state, { type: 'agentReplied', conversationId: 'c1', message });
    }
    expect(conversationOf(state, 'c1').repliedThrough).toBe(0);
    // Each automatic message is recognised once: the agent sending the same text again is the agent's reply.
    expect(isAutomatic(state, 'c1', question)).toBe(false);
    state = reduce(state, { type: 'agentReplied', conversationId: 'c1', message: question });
    expect(conversationOf(state, 'c1').repliedThrough).toBe(1);
  });

  it('sent through the button, is the agent’s reply', () => {
    let state = run(open('c1'), ask, answer(1, shipping), offered, sent);
    expect(isAutomatic(state, 'c1', question)).toBe(false);
    state = reduce(state, { type: 'agentReplied', conversationId: 'c1', message: question });
    expect(conversationOf(state, 'c1').repliedThrough).toBe(1);
  });

  it('offered, shows its button with the answer it was offered for, until a card goes out', () => {
    const state = run(open('c1'), ask, answer(1, shipping), offered);
    expect(visible(state)?.cardOffer).toMatchObject({ orderId: 'o1' });
    expect(visible(reduce(state, sent))?.cardOffer).toBeNull();
    // A later question's answer shows without it.
    const later = { request: request('m2', '在吗'), solution: solution('m2', 'ship_urge', '发货时间') };
    expect(visible(run(open('c1'), ask, answer(1, shipping), offered, ask, answer(2, later)))?.cardOffer).toBeNull();
  });

  it('offered, goes away once the buyer or the agent settled the order', () => {
    const state = run(open('c1'), ask, answer(1, shipping), offered, {
      type: 'orderChosen',
      conversationId: 'c1',
      orderId: 'o2',
    });
    expect(visible(state)?.cardOffer).toBeNull();
  });

  it('goes out once per conversation, whether Huashu or the agent sent it', () => {
    const state = run(open('c1'), ask, answer(1, shipping), offered, sent);
    expect(mayAutoSend(state, 'c1', 'm1')).toBe(false);
    const again = run(open('c1'), ask, answer(1, shipping), sent, offered);
    expect(visible(again)?.cardOffer).toBeNull();
  });
});
