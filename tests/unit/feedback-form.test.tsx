// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { type FeedbackDraft, FeedbackForm, type FeedbackFormProps } from '@/components/FeedbackForm';
import { popupStrings } from '@/lib/i18n/popup';

const draft: FeedbackDraft = {
  category: 'wrong_intent',
  description: '',
  images: [],
  context: {
    conversationId: 'c1',
    messageId: 'm1',
    intent: 'ship_urge',
    intentLabel: '什么时候发货',
    confidence: 0.9,
    why: ['“发货”'],
    buyerText: '<img src=x onerror=alert(1)>什么时候发货',
    replies: ['亲，今天发出'],
    node: 'awaiting_shipment',
  },
};

function renderForm(overrides: Partial<FeedbackFormProps> = {}) {
  const props: FeedbackFormProps = {
    draft,
    t: popupStrings('zh'),
    submitting: false,
    processing: 0,
    onChange: vi.fn(),
    onAddFiles: vi.fn(),
    onRemoveImage: vi.fn(),
    onSubmit: vi.fn(),
    onCancel: vi.fn(),
    ...overrides,
  };
  render(<FeedbackForm {...props} />);
  return props;
}

afterEach(cleanup);

test('buyer text is shown as text, never as HTML', () => {
  renderForm();
  expect(screen.getByText('<img src=x onerror=alert(1)>什么时候发货')).toBeTruthy();
  expect(document.querySelector('.hs-fb-context img')).toBeNull();
});

test('an empty description is not submitted and says why', () => {
  const props = renderForm();
  fireEvent.click(screen.getByRole('button', { name: '提交反馈' }));
  expect(props.onSubmit).not.toHaveBeenCalled();
  expect(screen.getByText('请填写问题描述')).toBeTruthy();
});

test('a category, a description and submitting are handed back', () => {
  const props = renderForm({ draft: { ...draft, description: '不对' } });
  fireEvent.click(screen.getByLabelText('话术不合适'));
  expect(props.onChange).toHaveBeenCalledWith({ category: 'bad_reply' });
  fireEvent.click(screen.getByRole('button', { name: '提交反馈' }));
  expect(props.onSubmit).toHaveBeenCalled();
});

test('the add button is gone at 3 images and a refusal is shown with the form kept', () => {
  const image = { type: 'image/webp' as const, dataUrl: 'data:image/webp;base64,AAAA', width: 1, height: 1 };
  renderForm({
    draft: {
      ...draft,
      description: '写好的',
      images: [image, { ...image, dataUrl: `${image.dataUrl}B` }, { ...image, dataUrl: `${image.dataUrl}C` }],
    },
    error: '「a.pdf」不是图片，未添加',
  });
  expect(screen.queryByRole('button', { name: /添加图片/ })).toBeNull();
  expect(screen.getByRole('alert').textContent).toContain('不是图片');
  expect((screen.getByLabelText(/问题描述/) as HTMLTextAreaElement).value).toBe('写好的');
});

test('pasted and dropped image files are handed back; pasted text is left alone', () => {
  const props = renderForm();
  const form = document.querySelector('form') as HTMLFormElement;
  const file = new File(['x'], 'shot.png', { type: 'image/png' });
  const withFile = { items: [{ kind: 'file', getAsFile: () => file }], files: [file], types: ['Files'] };
  fireEvent.paste(screen.getByLabelText(/问题描述/), { clipboardData: withFile });
  expect(props.onAddFiles).toHaveBeenCalledWith([file]);
  fireEvent.paste(screen.getByLabelText(/问题描述/), {
    clipboardData: { items: [{ kind: 'string', getAsFile: () => null }], files: [], types: ['text/plain'] },
  });
  expect(props.onAddFiles).toHaveBeenCalledTimes(1);
  fireEvent.drop(form, { dataTransfer: withFile });
  expect(props.onAddFiles).toHaveBeenCalledTimes(2);
});
