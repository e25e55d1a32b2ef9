import { describe, expect, test } from 'vitest';
import { demo, type Page, popup, useFreshWorkbench } from '@/tests/e2e/workbench';

/**
 * 紧急 outside the open chat: a buyer who writes angrily in a conversation the agent has not opened is marked in the
 * slow-reply alert from the conversation list's preview alone, by the engine's own judgement. The workbench opens
 * c01 at load; c04 is answered and c02 has waited past the alert's threshold (fixture.json).
 */
const session = useFreshWorkbench();

async function badgeRows(page: Page) {
  return page.locator('huashu-waiting .hw-row').evaluateAll((rows) =>
    rows.map((row) => ({
      id: (row as HTMLElement).dataset.convId ?? '',
      tag: row.querySelector('.hw-tag')?.textContent ?? '',
    })),
  );
}

function preview(page: Page, id: string) {
  return page.locator(`.conv-item[data-conv-id="${id}"] .conv-last`).textContent();
}

describe('urgent outside the open chat', () => {
  test('an angry message in a conversation that is not open marks it 紧急 in the alert, without opening it', async () => {
    const { page } = session;
    const angry = '再不发货我就投诉了！！！';
    await demo.buyerSays(page, 'c04', angry);
    await expect(preview(page, 'c04')).resolves.toBe(angry);

    // Marked at once (an upset buyer does not wait for the threshold), ahead of buyers who have waited far longer.
    await expect.poll(async () => (await badgeRows(page))[0]).toEqual({ id: 'c04', tag: '紧急' });
    expect(await demo.currentId(page)).toBe('c01');
    await expect(page.locator('section.chat').getAttribute('data-conv-id')).resolves.toBe('c01');
    expect(await popup(page).isVisible()).toBe(false);
  });

  test('a calm message in a conversation that is not open marks nothing', async () => {
    const { page } = session;
    // c02 is on the alert already (waiting ~7 min). Its calm message is judged before the angry one sent after it:
    // the previews are judged in the order they came.
    await expect.poll(async () => (await badgeRows(page)).map((row) => row.id)).toContain('c02');
    await demo.buyerSays(page, 'c02', '好的，那我再等等');
    await expect(preview(page, 'c02')).resolves.toBe('好的，那我再等等');
    await demo.buyerSays(page, 'c09', '你们什么破店，骗子');
    await expect.poll(async () => (await badgeRows(page))[0]).toEqual({ id: 'c09', tag: '紧急' });

    const rows = await badgeRows(page);
    expect(rows.find((row) => row.id === 'c02')).toEqual({ id: 'c02', tag: '' });
    expect(rows.filter((row) => row.tag === '紧急').map((row) => row.id)).toEqual(['c09']);
  });
});
