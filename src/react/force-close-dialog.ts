import * as React from 'react';
import { createComponent } from '@lit/react';
import { ForceCloseDialog as ForceCloseDialogElement } from '../components/force-close-dialog/force-close-dialog.js';
import '../components/force-close-dialog/force-close-dialog.define.js';
import { CommandFailedEvent, ForceCloseRequestEvent, ForceClosedEvent } from '../events/index.js';
import { eventName } from './event-name.js';

/**
 * `<force-close-dialog>` as a React component (registers the element). Properties are props; events are
 * typed `on…` props.
 */
export const ForceCloseDialog = createComponent({
  tagName: 'force-close-dialog',
  elementClass: ForceCloseDialogElement,
  react: React,
  displayName: 'ForceCloseDialog',
  events: {
    onScForceCloseRequest: eventName(ForceCloseRequestEvent),
    onScForceClosed: eventName(ForceClosedEvent),
    onScCommandFailed: eventName(CommandFailedEvent),
  },
});
