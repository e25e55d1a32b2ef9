import { describe, expect, test } from 'vitest';
import { type PredictionCardInput, predictionCardDecision } from '@/lib/orders/prediction-card';

const NOW = new Date('2024-11-25T04:00:00Z');
const unshippedOrders = [
  { id: '6921847302918374651', status: '待发货' },
  { id: '6921968830125547719', status: '待发货' },
];
const inTransit = { id: '6921593046128837402', status: '运输中' };

const base: PredictionCardInput = {
  intent: 'ship_urge',
  confidence: 0.99,
  predictedOrderId: '6921847302918374651',
  orders: [...unshippedOrders, inTransit],
  now: NOW,
  mode: 'auto',
  arrivedLive: true,
  alreadySettled: false,
};

describe('order prediction card', () => {
  test('is sent for a sure 催发货 when the buyer has several orders not yet shipped', () => {
    expect(predictionCardDecision(base)).toBe('send');
  });

  test('is offered to the agent as a button when the shop asks first', () => {
    expect(predictionCardDecision({ ...base, mode: 'ask' })).toBe('offer');
  });

  test('is only offered, even when automatic, for a message that was on screen before Huashu started', () => {
    expect(predictionCardDecision({ ...base, arrivedLive: false })).toBe('offer');
    expect(predictionCardDecision({ ...base, arrivedLive: false, mode: 'ask' })).toBe('offer');
  });

  test.each<[string, Partial<PredictionCardInput>]>([
    ['the setting is off', { mode: 'off' }],
    ['the setting is off, for a message already on screen', { mode: 'off', arrivedLive: false }],
    ['a card, an order or a confirmation already settled which order', { alreadySettled: true }],
    ['only one order could be meant (the other is on its way)', { orders: [unshippedOrders[0], inTransit] }],
    ['the buyer has no orders', { orders: [], predictedOrderId: undefined }],
    ['the question is another order question', { intent: 'logistics' }],
    ['the question is a quality complaint', { intent: 'quality_issue' }],
    ['the reading is not sure', { confidence: 0.6 }],
    ['the prediction is an order a 催发货 can’t be about', { predictedOrderId: inTransit.id }],
    ['the prediction is not one of the orders', { predictedOrderId: '1' }],
  ])('is neither sent nor offered when %s', (_reason, change) => {
    expect(predictionCardDecision({ ...base, ...change })).toBeNull();
    expect(predictionCardDecision({ ...base, mode: 'ask', ...change })).toBeNull();
  });
});
