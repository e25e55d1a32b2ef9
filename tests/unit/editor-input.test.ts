// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  appendedDraft,
  editableOf,
  type InsertStrategy,
  insertIntoComposer,
  normalizeText,
  pressEnter,
  readComposerText,
  triggerSend,
} from '@/lib/adapters/editor-input';

/**
 * Fake editors: each keeps its text in its own state and draws the DOM from it, the way rich editors do, and takes
 * text from exactly one way in. happy-dom has no execCommand, so the tests that need it install a stand-in that
 * records the call and, like a browser, edits the selected DOM.
 */
interface FakeEditor {
  el: HTMLElement;
  state(): string;
}

function fakeEditor(
  accepts: InsertStrategy | 'nothing',
  options: { twice?: boolean; half?: boolean } = {},
): FakeEditor {
  const el = document.createElement('div');
  el.contentEditable = 'true';
  document.body.append(el);
  let state = '';
  const draw = () => {
    const paragraph = document.createElement('p');
    if (state) paragraph.textContent = state;
    else paragraph.append(document.createElement('br'));
    el.replaceChildren(paragraph);
  };
  const take = (text: string) => {
    // A faulty editor: the text lands twice, or only its first half.
    const taken = options.twice ? `${text}${text}` : options.half ? text.slice(0, Math.ceil(text.length / 2)) : text;
    state = taken;
    // Like React or Lexical, the DOM follows the state a moment later.
    queueMicrotask(draw);
  };
  el.addEventListener('beforeinput', (event) => {
    const input = event as InputEvent;
    if (accepts !== 'before-input') return;
    input.preventDefault();
    take(input.inputType === 'insertText' ? (input.data ?? '') : '');
  });
  el.addEventListener('paste', (event) => {
    if (accepts !== 'paste') return;
    event.preventDefault();
    take((event as ClipboardEvent).clipboardData?.getData('text/plain') ?? '');
  });
  el.addEventListener('input', (event) => {
    if (accepts !== 'exec-command' || (event as InputEvent).inputType === undefined) return;
    // Syncs its state from the DOM the browser edited, as Quill and ProseMirror do.
    state = el.textContent ?? '';
    if (options.twice || options.half) take(state);
  });
  draw();
  return { el, state: () => state };
}

/** What a browser's execCommand('insertText' | 'delete') does to the selection, then its input event. */
function installExecCommand(calls: string[]) {
  document.execCommand = (command: string, _ui?: boolean, value?: string) => {
    calls.push(command);
    const range = document.getSelection()?.rangeCount ? document.getSelection()?.getRangeAt(0) : undefined;
    if (!range) return false;
    range.deleteContents();
    if (command === 'insertText') range.insertNode(document.createTextNode(value ?? ''));
    const target = document.activeElement;
    target?.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: command, data: value ?? null }));
    return true;
  };
}

beforeEach(() => {
  document.body.replaceChildren();
});

afterEach(() => {
  Reflect.deleteProperty(document, 'execCommand');
});

describe('reading a composer back', () => {
  test('a textarea reads its value; an editable reads one line per block and per <br>, no placeholders', () => {
    const area = document.createElement('textarea');
    area.value = '亲，在的\r\n';
    expect(readComposerText(area)).toBe('亲，在的');

    const editable = document.createElement('div');
    editable.contentEditable = 'true';
    editable.innerHTML =
      '<p><span>第一行</span></p><p>第二\u00A0行<br>换行</p><p><span data-slate-placeholder="true">请输入</span>\uFEFF<br></p>';
    expect(readComposerText(editable)).toBe('第一行\n第二 行\n换行');

    editable.innerHTML = '<p><br></p>';
    expect(readComposerText(editable)).toBe('');
  });

  test('a selector naming the editor’s wrapper reads and writes the one editable inside it', () => {
    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<div class="toolbar">B I U</div><div contenteditable="true"><p>草稿</p></div>';
    expect(editableOf(wrapper).isContentEditable).toBe(true);
    expect(readComposerText(wrapper)).toBe('草稿');
  });

  test('normalising keeps emoji joiners and drops caret anchors', () => {
    expect(normalizeText('👩\u200D👩\u200B好\uFEFF\n\n')).toBe('👩\u200D👩好');
  });

  test('复制 joins the reply to the draft with one space', () => {
    expect(appendedDraft('', '好的')).toBe('好的');
    expect(appendedDraft('您好 \n', '好的')).toBe('您好 好的');
  });
});

describe('the insertion ladder', () => {
  test('a React-like textarea takes the text through its native value setter, with an input event', async () => {
    const area = document.createElement('textarea');
    document.body.append(area);
    const seen: string[] = [];
    area.addEventListener('input', () => seen.push(area.value));

    const result = await insertIntoComposer(area, '亲，今天发货', 'replace');

    expect(result).toEqual({ landed: true, strategy: 'value-setter', tried: ['value-setter'] });
    expect(area.value).toBe('亲，今天发货');
    expect(seen).toEqual(['亲，今天发货']);
  });

  test('an editor that follows the DOM gets execCommand once its beforeinput went uncancelled', async () => {
    const calls: string[] = [];
    installExecCommand(calls);
    const editor = fakeEditor('exec-command');

    const result = await insertIntoComposer(editor.el, '亲，马上为您安排', 'replace');

    expect(result).toMatchObject({ landed: true, strategy: 'exec-command', tried: ['before-input', 'exec-command'] });
    expect(editor.state()).toBe('亲，马上为您安排');
    expect(calls).toEqual(['insertText']);
  });

  test('an editor that applies beforeinput itself takes the text from it, and execCommand is never run', async () => {
    const calls: string[] = [];
    installExecCommand(calls);
    const editor = fakeEditor('before-input');

    const result = await insertIntoComposer(editor.el, '亲，已为您备注', 'replace');

    expect(result).toEqual({ landed: true, strategy: 'before-input', tried: ['before-input'] });
    expect(editor.state()).toBe('亲，已为您备注');
    expect(calls).toEqual([]);
    expect(readComposerText(editor.el)).toBe('亲，已为您备注');
  });

  test('an editor that only takes pasted text gets a paste, the last step', async () => {
    const editor = fakeEditor('paste');

    const result = await insertIntoComposer(editor.el, '亲，请稍等', 'replace');

    expect(result).toMatchObject({ landed: true, strategy: 'paste' });
    expect(result.tried.at(-1)).toBe('paste');
    expect(editor.state()).toBe('亲，请稍等');
  });

  test('append puts the reply after the agent’s draft, once', async () => {
    const editor = fakeEditor('before-input');
    await insertIntoComposer(editor.el, '您好', 'replace');

    const result = await insertIntoComposer(editor.el, '亲，今天发货', 'append');

    expect(result.landed).toBe(true);
    expect(editor.state()).toBe('您好 亲，今天发货');
  });

  test('a step that doubles the text is undone before the next, and the composer never ends up doubled', async () => {
    const calls: string[] = [];
    installExecCommand(calls);
    // execCommand lands twice here; the editor also takes pasted text, correctly.
    const editor = fakeEditor('exec-command', { twice: true });
    editor.el.addEventListener('paste', (event) => {
      event.preventDefault();
      editor.el.textContent = (event as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
    });

    const result = await insertIntoComposer(editor.el, '好的', 'replace');

    expect(result).toMatchObject({ landed: true, strategy: 'paste', tried: ['before-input', 'exec-command', 'paste'] });
    expect(readComposerText(editor.el)).toBe('好的');
    // insertText, then the delete that undid the doubled text.
    expect(calls).toEqual(['insertText', 'delete']);
  });

  test('an editor that takes nothing keeps the agent’s draft, and the ladder says it did not land', async () => {
    const editor = fakeEditor('nothing');
    editor.el.replaceChildren(Object.assign(document.createElement('p'), { textContent: '我先写一半' }));

    const result = await insertIntoComposer(editor.el, '亲，今天发货', 'append');

    expect(result).toEqual({ landed: false, tried: ['before-input', 'paste'] });
    expect(readComposerText(editor.el)).toBe('我先写一半');
  });

  test('a step that lands half the text is undone, and the next step puts in all of it', async () => {
    const editor = fakeEditor('before-input', { half: true });
    let pasted = 0;
    editor.el.addEventListener('paste', (event) => {
      event.preventDefault();
      pasted++;
      editor.el.textContent = (event as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
    });

    const result = await insertIntoComposer(editor.el, '亲，今天下午发出', 'replace');

    expect(result).toMatchObject({ landed: true, strategy: 'paste', tried: ['before-input', 'paste'] });
    expect(readComposerText(editor.el)).toBe('亲，今天下午发出');
    expect(pasted).toBe(1);
  });
});

describe('sending keys', () => {
  test('Enter reaches keydown, keypress and keyup with the legacy codes a React page reads', () => {
    const area = document.createElement('textarea');
    document.body.append(area);
    const seen: string[] = [];
    for (const type of ['keydown', 'keypress', 'keyup']) {
      area.addEventListener(type, (event) => {
        const key = event as KeyboardEvent;
        seen.push(`${key.type}:${key.key}:${key.code}:${key.keyCode}:${key.which}:${key.charCode}:${key.ctrlKey}`);
      });
    }

    pressEnter(area);
    triggerSend(area, 'ctrl-enter', null);

    expect(seen).toEqual([
      'keydown:Enter:Enter:13:13:0:false',
      'keypress:Enter:Enter:13:13:13:false',
      'keyup:Enter:Enter:13:13:0:false',
      'keydown:Enter:Enter:13:13:0:true',
      'keypress:Enter:Enter:13:13:13:true',
      'keyup:Enter:Enter:13:13:0:true',
    ]);
  });

  test('the button method presses the button once; without a button it falls back to Enter', () => {
    const area = document.createElement('textarea');
    const button = document.createElement('button');
    document.body.append(area, button);
    let clicks = 0;
    let enters = 0;
    button.addEventListener('click', () => clicks++);
    area.addEventListener('keydown', () => enters++);

    triggerSend(area, 'button', button);
    triggerSend(area, 'button', null);

    expect(clicks).toBe(1);
    expect(enters).toBe(1);
  });
});
