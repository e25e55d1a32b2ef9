import { render } from 'preact';
import { ToolbarPopup } from './ToolbarPopup';
import './popup.css';

render(<ToolbarPopup />, document.getElementById('app') as HTMLElement);
