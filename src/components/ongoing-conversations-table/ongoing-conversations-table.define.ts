/**
 * Registers `<ongoing-conversations-table>`. Import this module for the side effect; hosts that want
 * another tag name register `OngoingConversationsTable` themselves instead.
 */
import { defineElement } from '../../internal/define.js';
import { OngoingConversationsTable } from './ongoing-conversations-table.js';

export { OngoingConversationsTable };

defineElement('ongoing-conversations-table', OngoingConversationsTable);

declare global {
  interface HTMLElementTagNameMap {
    'ongoing-conversations-table': OngoingConversationsTable;
  }
}
