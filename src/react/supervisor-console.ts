import * as React from 'react';
import { createComponent } from '@lit/react';
import { SupervisorConsole as SupervisorConsoleElement } from '../components/supervisor-console/supervisor-console.js';
import '../components/supervisor-console/supervisor-console.define.js';
import {
  ActionRequestEvent,
  AssignRequestEvent,
  AssignedEvent,
  BulkCompletedEvent,
  BulkRequestEvent,
  BulkRunRequestEvent,
  CommandFailedEvent,
  ForceCloseRequestEvent,
  ForceClosedEvent,
  JoinRequestEvent,
  JoinedEvent,
  LeaveRequestEvent,
  LeftEvent,
  MonitorCloseEvent,
  RepresentativeSelectEvent,
  SelectionChangeEvent,
  TransferRequestEvent,
  TransferResolvedEvent,
  TransferredEvent,
  WhisperRequestEvent,
  WhisperSentEvent,
} from '../events/index.js';
import { eventName } from './event-name.js';

/**
 * `<supervisor-console>` as a React component (registers the element). Properties are props; events are
 * typed `on…` props.
 */
export const SupervisorConsole = createComponent({
  tagName: 'supervisor-console',
  elementClass: SupervisorConsoleElement,
  react: React,
  displayName: 'SupervisorConsole',
  events: {
    onScActionRequest: eventName(ActionRequestEvent),
    onScAssignRequest: eventName(AssignRequestEvent),
    onScAssigned: eventName(AssignedEvent),
    onScTransferRequest: eventName(TransferRequestEvent),
    onScTransferred: eventName(TransferredEvent),
    onScTransferResolved: eventName(TransferResolvedEvent),
    onScForceCloseRequest: eventName(ForceCloseRequestEvent),
    onScForceClosed: eventName(ForceClosedEvent),
    onScJoinRequest: eventName(JoinRequestEvent),
    onScJoined: eventName(JoinedEvent),
    onScLeaveRequest: eventName(LeaveRequestEvent),
    onScLeft: eventName(LeftEvent),
    onScWhisperRequest: eventName(WhisperRequestEvent),
    onScWhisperSent: eventName(WhisperSentEvent),
    onScMonitorClose: eventName(MonitorCloseEvent),
    onScCommandFailed: eventName(CommandFailedEvent),
    onScRepresentativeSelect: eventName(RepresentativeSelectEvent),
    onScSelectionChange: eventName(SelectionChangeEvent),
    onScBulkRequest: eventName(BulkRequestEvent),
    onScBulkRunRequest: eventName(BulkRunRequestEvent),
    onScBulkCompleted: eventName(BulkCompletedEvent),
  },
});
