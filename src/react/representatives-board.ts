import * as React from 'react';
import { createComponent } from '@lit/react';
import { RepresentativesBoard as RepresentativesBoardElement } from '../components/representatives-board/representatives-board.js';
import '../components/representatives-board/representatives-board.define.js';
import { RepresentativeSelectEvent } from '../events/index.js';
import { eventName } from './event-name.js';

/**
 * `<representatives-board>` as a React component (registers the element). Properties are props; events are
 * typed `on…` props.
 */
export const RepresentativesBoard = createComponent({
  tagName: 'representatives-board',
  elementClass: RepresentativesBoardElement,
  react: React,
  displayName: 'RepresentativesBoard',
  events: {
    onScRepresentativeSelect: eventName(RepresentativeSelectEvent),
  },
});
