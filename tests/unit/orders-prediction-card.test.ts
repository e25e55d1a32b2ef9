import { describe, expect, test } from 'vitest';
import { type PredictionCardInput, shouldSendPredictionCard } from '@/lib/orders/prediction-card';

const twoOrders = [
  { id: '6921847302918374651', status: '待发货' },
  { id: '6921593046128837402', status: '运输中' },
];

const base: PredictionCardInput = {
  intent: 'ship_urge',
  predictedOrderId: '6921847302918374651',
  orders: twoOrders,
  enabled: true,
  alreadySettled: false,
};

describe('order prediction card', () => {
  test('is sent for a first order question when the buyer has several orders', () => {
    expect(shouldSendPredictionCard(base)).toBe(true);
    expect(shouldSendPredictionCard({ ...base, intent: 'logistics' })).toBe(true);
  });

  test.each<[string, Partial<PredictionCardInput>]>([
    ['the setting is off', { enabled: false }],
    ['a card was already sent or the buyer named an order', { alreadySettled: true }],
    ['the buyer has one order', { orders: [twoOrders[0]] }],
    ['the buyer has no orders', { orders: [], predictedOrderId: undefined }],
    ['the question is not about an order', { intent: 'size_spec' }],
    ['the prediction is not one of the orders', { predictedOrderId: '1' }],
  ])('is not sent when %s', (_reason, change) => {
    expect(shouldSendPredictionCard({ ...base, ...change })).toBe(false);
  });
});
