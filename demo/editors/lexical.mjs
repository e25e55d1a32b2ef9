// Lexical composer for the demo workbench (?editor=lexical): plain text, with history, as a chat box would use it.
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { registerPlainText } from '@lexical/plain-text';
import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';

/** Mounts the editor in `container`; the workbench reads and writes the draft only through the returned API. */
export function mountEditor(container) {
  const root = document.createElement('div');
  root.setAttribute('aria-label', '输入消息');
  root.setAttribute('role', 'textbox');
  // Lexical edits the element it is given; the page makes it editable (as LexicalContentEditable does in React).
  root.contentEditable = 'true';
  container.append(root);
  const editor = createEditor({
    namespace: 'workbench-composer',
    onError: (error) => console.error(error),
  });
  editor.setRootElement(root);
  registerPlainText(editor);
  registerHistory(editor, createEmptyHistoryState(), 300);
  return {
    root,
    getText: () => editor.getEditorState().read(() => $getRoot().getTextContent()),
    setText(text) {
      editor.update(
        () => {
          const paragraph = $createParagraphNode();
          if (text) paragraph.append($createTextNode(text));
          $getRoot().clear().append(paragraph);
        },
        { discrete: true },
      );
    },
  };
}
