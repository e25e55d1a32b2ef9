import { describe, expect, test } from 'vitest';
import { type PredictionCardInput, shouldSendPredictionCard } from '@/lib/orders/prediction-card';

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
  enabled: true,
  alreadySettled: false,
};

describe('order prediction card', () => {
  test('is sent for a sure 催发货 when the buyer has several orders not yet shipped', () => {
    expect(shouldSendPredictionCard(base)).toBe(true);
  });

  test.each<[string, Partial<PredictionCardInput>]>([
    ['the setting is off', { enabled: false }],
    ['a card, an order or a confirmation already settled which order', { alreadySettled: true }],
    ['only one order could be meant (the other is on its way)', { orders: [unshippedOrders[0], inTransit] }],
    ['the buyer has no orders', { orders: [], predictedOrderId: undefined }],
    ['the question is another order question', { intent: 'logistics' }],
    ['the question is a quality complaint', { intent: 'quality_issue' }],
    ['the reading is not sure', { confidence: 0.6 }],
    ['the prediction is an order a 催发货 can’t be about', { predictedOrderId: inTransit.id }],
    ['the prediction is not one of the orders', { predictedOrderId: '1' }],
  ])('is not sent when %s', (_reason, change) => {
    expect(shouldSendPredictionCard({ ...base, ...change })).toBe(false);
  });
});
