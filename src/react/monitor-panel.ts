import * as React from 'react';
import { createComponent } from '@lit/react';
import { MonitorPanel as MonitorPanelElement } from '../components/monitor-panel/monitor-panel.js';
import '../components/monitor-panel/monitor-panel.define.js';
import {
  CommandFailedEvent,
  JoinRequestEvent,
  JoinedEvent,
  LeaveRequestEvent,
  LeftEvent,
  MonitorCloseEvent,
  WhisperRequestEvent,
  WhisperSentEvent,
} from '../events/index.js';
import { eventName } from './event-name.js';

/**
 * `<monitor-panel>` as a React component (registers the element). Properties are props; events are
 * typed `on…` props.
 */
export const MonitorPanel = createComponent({
  tagName: 'monitor-panel',
  elementClass: MonitorPanelElement,
  react: React,
  displayName: 'MonitorPanel',
  events: {
    onScJoinRequest: eventName(JoinRequestEvent),
    onScJoined: eventName(JoinedEvent),
    onScLeaveRequest: eventName(LeaveRequestEvent),
    onScLeft: eventName(LeftEvent),
    onScWhisperRequest: eventName(WhisperRequestEvent),
    onScWhisperSent: eventName(WhisperSentEvent),
    onScMonitorClose: eventName(MonitorCloseEvent),
    onScCommandFailed: eventName(CommandFailedEvent),
  },
});
