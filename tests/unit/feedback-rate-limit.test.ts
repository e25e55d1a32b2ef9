import { describe, expect, test } from 'vitest';
import { createRateLimiter, FEEDBACK_RATE } from '@/lib/feedback/rate-limit';
import { errorText } from '@/lib/i18n/errors';

describe('feedback from one chat tab is rate-limited', () => {
  test('a tab may send a few a minute; a scripted flood is refused, other tabs are not held up', () => {
    let clock = 1_000_000;
    const limiter = createRateLimiter(() => clock);
    const sent = Array.from({ length: 20 }, () => limiter.allow('tab 7')).filter(Boolean);
    expect(sent).toHaveLength(FEEDBACK_RATE.items);
    expect(limiter.allow('tab 8')).toBe(true);

    clock += FEEDBACK_RATE.windowMs + 1;
    expect(limiter.allow('tab 7')).toBe(true);
  });

  test('the agent is told why, in the page’s language', () => {
    const refusal = { code: 'feedbackRateLimited' as const, params: { max: FEEDBACK_RATE.items } };
    expect(errorText(refusal, 'zh')).toBe('反馈太频繁：每分钟最多 5 条，请稍后再试');
    expect(errorText(refusal, 'en')).toMatch(/at most 5 a minute/);
  });
});
