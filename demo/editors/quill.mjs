// Quill composer for the demo workbench (?editor=quill), without a theme (no toolbar), as chat boxes use it.
import Quill from 'quill';

/** Mounts the editor in `container`; the workbench reads and writes the draft only through the returned API. */
export function mountEditor(container) {
  const quill = new Quill(container, { placeholder: '请输入消息，Enter 发送' });
  return {
    root: quill.root,
    // Quill's text always ends with the newline of its last line.
    getText: () => quill.getText().replace(/\n$/, ''),
    setText: (text) => quill.setText(text, 'api'),
  };
}
