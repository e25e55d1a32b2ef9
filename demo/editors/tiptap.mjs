// TipTap (ProseMirror) composer for the demo workbench (?editor=tiptap), with the starter kit.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

/** Mounts the editor in `container`; the workbench reads and writes the draft only through the returned API. */
export function mountEditor(container) {
  const editor = new Editor({ element: container, extensions: [StarterKit], content: '' });
  return {
    root: editor.view.dom,
    getText: () => editor.getText({ blockSeparator: '\n' }),
    setText(text) {
      // As a document, never as HTML: the draft is text.
      const paragraph = { type: 'paragraph', content: text ? [{ type: 'text', text }] : [] };
      editor.commands.setContent({ type: 'doc', content: [paragraph] });
    },
  };
}
