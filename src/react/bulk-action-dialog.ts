import * as React from 'react';
import { createComponent } from '@lit/react';
import { BulkActionDialog as BulkActionDialogElement } from '../components/bulk-action-dialog/bulk-action-dialog.js';
import '../components/bulk-action-dialog/bulk-action-dialog.define.js';
import { BulkCompletedEvent, BulkRunRequestEvent, CommandFailedEvent } from '../events/index.js';
import { eventName } from './event-name.js';

/**
 * `<bulk-action-dialog>` as a React component (registers the element). Properties are props; events
 * are typed `on…` props.
 */
export const BulkActionDialog = createComponent({
  tagName: 'bulk-action-dialog',
  elementClass: BulkActionDialogElement,
  react: React,
  displayName: 'BulkActionDialog',
  events: {
    onScBulkRunRequest: eventName(BulkRunRequestEvent),
    onScBulkCompleted: eventName(BulkCompletedEvent),
    onScCommandFailed: eventName(CommandFailedEvent),
  },
});
