import * as React from 'react';
import { createComponent } from '@lit/react';
import { AssignDialog as AssignDialogElement } from '../components/assign-dialog/assign-dialog.js';
import '../components/assign-dialog/assign-dialog.define.js';
import { AssignRequestEvent, AssignedEvent, CommandFailedEvent } from '../events/index.js';
import { eventName } from './event-name.js';

/**
 * `<assign-dialog>` as a React component (registers the element). Properties are props; events are
 * typed `on…` props.
 */
export const AssignDialog = createComponent({
  tagName: 'assign-dialog',
  elementClass: AssignDialogElement,
  react: React,
  displayName: 'AssignDialog',
  events: {
    onScAssignRequest: eventName(AssignRequestEvent),
    onScAssigned: eventName(AssignedEvent),
    onScCommandFailed: eventName(CommandFailedEvent),
  },
});
