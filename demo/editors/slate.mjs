// Slate composer for the demo workbench (?editor=slate), rendered by slate-react in React 19.
import { createElement, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { createEditor, Node } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, Slate, withReact } from 'slate-react';

const EMPTY = () => [{ type: 'paragraph', children: [{ text: '' }] }];

/** Mounts the editor in `container`; the workbench reads and writes the draft only through the returned API. */
export function mountEditor(container) {
  const editor = withHistory(withReact(createEditor()));
  function Composer() {
    const [initialValue] = useState(EMPTY);
    return createElement(
      Slate,
      { editor, initialValue },
      createElement(Editable, { 'aria-label': '输入消息', placeholder: '请输入消息，Enter 发送' }),
    );
  }
  flushSync(() => createRoot(container).render(createElement(Composer)));
  return {
    root: container.querySelector('[data-slate-editor]'),
    getText: () => editor.children.map((node) => Node.string(node)).join('\n'),
    setText(text) {
      editor.children = [{ type: 'paragraph', children: [{ text }] }];
      editor.selection = null;
      editor.onChange();
    },
  };
}
