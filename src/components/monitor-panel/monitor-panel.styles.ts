import { css } from 'lit';

export const monitorPanelStyles = css`
  :host {
    display: block;
    background: var(--_bg);
    color: var(--_text);
  }

  .empty {
    padding: 1rem;
    color: var(--_muted);
  }
  .empty p {
    margin: 0;
  }

  .panel {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    padding: 0.75rem 1rem 1rem;
  }

  .title-row {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
  }
  .title {
    flex: 1;
    margin: 0;
    font-size: 1.05rem;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    gap: 0.35rem;
    align-items: center;
  }
  .close {
    display: inline-grid;
    place-items: center;
    padding: 0.3rem;
    border-color: transparent;
    background: transparent;
    line-height: 0;
  }

  .mode {
    margin: 0.25rem 0 0;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .mode.joined {
    color: var(--_accent);
    font-weight: 600;
  }

  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(7.5rem, 1fr));
    gap: 0.35rem 0.75rem;
    margin: 0.6rem 0 0;
  }
  .facts div {
    min-width: 0;
  }
  .facts dt {
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .facts .icon {
    vertical-align: -3px;
  }
  .timer {
    font-variant-numeric: tabular-nums;
  }

  .problem {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_danger);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
  }

  .transcript {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 0.35rem;
  }
  .section-title {
    margin: 0;
    font-size: 0.8125rem;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_muted);
  }
  .stream-status {
    margin: 0;
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .scroller {
    height: var(--sc-monitor-transcript-height, 22rem);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0.5rem;
    overscroll-behavior: contain;
  }
  .scroller:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .messages {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.45rem;
  }
  .message {
    max-width: 85%;
    padding: 0.4rem 0.6rem;
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_bg);
    border: 1px solid var(--_border);
  }
  .message.customer {
    align-self: flex-start;
  }
  .message.representative,
  .message.supervisor {
    align-self: flex-end;
    background: color-mix(in srgb, var(--_accent) 10%, var(--_bg));
    border-color: color-mix(in srgb, var(--_accent) 35%, var(--_border));
  }
  .message.supervisor {
    border-style: dashed;
  }
  .message.bot {
    align-self: flex-start;
    border-style: dotted;
  }
  .message.system {
    align-self: center;
    max-width: 95%;
    background: transparent;
    border: 0;
    padding: 0.15rem 0.5rem;
    text-align: center;
    font-style: italic;
    color: var(--_muted);
  }
  .message .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.15rem 0.5rem;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .message.system .meta {
    justify-content: center;
  }
  .message .author {
    font-weight: 600;
    color: var(--_text);
    /* A name with no break opportunity wraps inside the bubble. */
    overflow-wrap: anywhere;
    min-width: 0;
  }
  .message .private {
    font-weight: 600;
    color: var(--_warning);
  }
  /* A whisper: a double border, a padlock and its label, not colour alone. */
  .message.whisper {
    border: 3px double var(--_warning);
    background: color-mix(in srgb, var(--_warning) 8%, var(--_bg));
  }
  .message .whisper-label {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
  }
  .message .text {
    margin: 0.1rem 0 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .new-messages {
    position: absolute;
    bottom: 0.75rem;
    /* Centred without physical sides, so it stays centred right-to-left too. */
    inset-inline: 0;
    margin-inline: auto;
    inline-size: max-content;
    box-shadow: var(--_shadow);
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
    border-radius: 999px;
  }
  .new-messages:hover:not(:disabled) {
    background: var(--_accent);
    filter: brightness(1.08);
  }

  .sentiment {
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .chart {
    width: 100%;
    height: auto;
    max-height: 4.5rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
  }
  .band.positive {
    fill: color-mix(in srgb, var(--_positive) 10%, transparent);
  }
  .band.negative {
    fill: color-mix(in srgb, var(--_negative) 10%, transparent);
  }
  .baseline {
    stroke: var(--_border);
    stroke-dasharray: 4 3;
  }
  .line {
    fill: none;
    stroke: var(--_text);
    stroke-width: 1.5;
    stroke-linejoin: round;
  }
  .dot {
    stroke: var(--_bg);
    stroke-width: 1;
  }
  .dot.pos {
    fill: var(--_positive);
  }
  .dot.neg {
    fill: var(--_negative);
  }
  .dot.neu {
    fill: var(--_neutral);
  }
  figcaption {
    display: flex;
    gap: 0.4rem;
    align-items: center;
    font-size: 0.8125rem;
  }
  .sentiment-negative {
    color: var(--_negative);
  }
  .sentiment-positive {
    color: var(--_positive);
  }
  .sentiment-neutral {
    color: var(--_neutral);
  }

  .who-else {
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
  }
  .who-else .nobody {
    margin: 0;
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .presences {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .presence {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.1rem 0.5rem;
    overflow-wrap: anywhere;
    min-width: 0;
  }
  .presence .who {
    display: inline-flex;
    align-items: baseline;
    gap: 0.4rem;
    min-width: 0;
  }
  .presence .name {
    font-weight: 600;
  }
  .role-tag {
    font-size: 0.75rem;
    padding: 0 0.4rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    color: var(--_muted);
  }
  .role-tag.joined {
    border-color: var(--_accent);
    color: var(--_accent);
    font-weight: 600;
  }
  .presence .last {
    font-size: 0.8125rem;
    color: var(--_muted);
  }

  .whisper {
    display: flex;
    flex-direction: column;
    gap: 0.35rem;
  }
  .whisper-refused {
    margin: 0;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .composer {
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
  }
  .composer label {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .whisper-hint {
    margin: 0;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .composer textarea {
    box-sizing: border-box;
    width: 100%;
    min-height: 3.5rem;
    resize: vertical;
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.4rem 0.5rem;
  }
  .composer textarea:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .composer textarea[aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .composer textarea[readonly] {
    background: var(--_surface);
  }
  .composer-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.35rem var(--_space);
  }
  .count {
    font-size: 0.75rem;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .count.over {
    color: var(--_danger);
    font-weight: 600;
  }

  .notice {
    font-size: 0.8125rem;
    color: var(--_muted);
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .notice[hidden] {
    display: none;
  }
`;
