import * as React from 'react';
import { createComponent } from '@lit/react';
import { OngoingConversationsTable as OngoingConversationsTableElement } from '../components/ongoing-conversations-table/ongoing-conversations-table.js';
import '../components/ongoing-conversations-table/ongoing-conversations-table.define.js';
import {
  ActionRequestEvent,
  BulkRequestEvent,
  SelectionChangeEvent,
  ViewChangeEvent,
} from '../events/index.js';
import { eventName } from './event-name.js';

/**
 * `<ongoing-conversations-table>` as a React component (registers the element). Properties are props; events are
 * typed `on…` props.
 */
export const OngoingConversationsTable = createComponent({
  tagName: 'ongoing-conversations-table',
  elementClass: OngoingConversationsTableElement,
  react: React,
  displayName: 'OngoingConversationsTable',
  events: {
    onScActionRequest: eventName(ActionRequestEvent),
    onScViewChange: eventName(ViewChangeEvent),
    onScSelectionChange: eventName(SelectionChangeEvent),
    onScBulkRequest: eventName(BulkRequestEvent),
  },
});
