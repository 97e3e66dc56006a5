import { defineElement } from '../../internal/define.js';
import { RepresentativesBoard } from './representatives-board.js';

defineElement('representatives-board', RepresentativesBoard);

declare global {
  interface HTMLElementTagNameMap {
    'representatives-board': RepresentativesBoard;
  }
}
