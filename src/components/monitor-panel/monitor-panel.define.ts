import { defineElement } from '../../internal/define.js';
import { MonitorPanel } from './monitor-panel.js';

defineElement('monitor-panel', MonitorPanel);

declare global {
  interface HTMLElementTagNameMap {
    'monitor-panel': MonitorPanel;
  }
}
