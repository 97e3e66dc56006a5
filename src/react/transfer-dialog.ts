import * as React from 'react';
import { createComponent } from '@lit/react';
import { TransferDialog as TransferDialogElement } from '../components/transfer-dialog/transfer-dialog.js';
import '../components/transfer-dialog/transfer-dialog.define.js';
import {
  CommandFailedEvent,
  TransferRequestEvent,
  TransferResolvedEvent,
  TransferredEvent,
} from '../events/index.js';
import { eventName } from './event-name.js';

/**
 * `<transfer-dialog>` as a React component (registers the element). Properties are props; events are
 * typed `on…` props.
 */
export const TransferDialog = createComponent({
  tagName: 'transfer-dialog',
  elementClass: TransferDialogElement,
  react: React,
  displayName: 'TransferDialog',
  events: {
    onScTransferRequest: eventName(TransferRequestEvent),
    onScTransferred: eventName(TransferredEvent),
    onScTransferResolved: eventName(TransferResolvedEvent),
    onScCommandFailed: eventName(CommandFailedEvent),
  },
});
