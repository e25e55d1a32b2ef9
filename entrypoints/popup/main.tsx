import { render } from 'preact';
import { ToolbarPopup } from '@/entrypoints/popup/ToolbarPopup';
import '@/entrypoints/popup/popup.css';

render(<ToolbarPopup />, document.getElementById('app') as HTMLElement);
