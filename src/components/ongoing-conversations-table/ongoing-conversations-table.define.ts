/**
 * Registers `<ongoing-conversations-table>`. Import this module for the side effect; hosts that want
 * another tag name register `OngoingConversationsTable` themselves instead.
 */
import { defineElement } from '../../internal/define.js';
import { warmFormattersWhenIdle } from '../../internal/format.js';
import { OngoingConversationsTable } from './ongoing-conversations-table.js';

export { OngoingConversationsTable };

defineElement('ongoing-conversations-table', OngoingConversationsTable);
// The table's footer and cells format counts, times and durations from their first render.
warmFormattersWhenIdle();

declare global {
  interface HTMLElementTagNameMap {
    'ongoing-conversations-table': OngoingConversationsTable;
  }
}
