/**
 * `styleProps({ 'inline-size': '40%', '--_columns': '…' })`: sets inline styles through the CSSOM
 * (`style.setProperty`) on every render, the first included. Lit's `styleMap` renders its first value
 * as a `style` attribute, which a strict Content-Security-Policy (`style-src` without
 * `'unsafe-inline'`) blocks; the CSSOM is not blocked. Property names are CSS names (kebab-case,
 * custom properties allowed). Only in a `style` attribute, and alone in it.
 */
import { noChange } from 'lit';
import {
  Directive,
  PartType,
  directive,
  type AttributePart,
  type PartInfo,
} from 'lit/directive.js';

/** CSS property name → value. */
export type StyleProps = Readonly<Record<string, string>>;

class StylePropsDirective extends Directive {
  private previous = new Map<string, string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style') {
      throw new Error('styleProps() belongs alone in a style attribute.');
    }
  }

  render(_props: StyleProps): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [props]: [StyleProps]): typeof noChange {
    const { style } = part.element as HTMLElement;
    for (const name of this.previous.keys()) {
      if (!(name in props)) style.removeProperty(name);
    }
    const next = new Map<string, string>();
    for (const [name, value] of Object.entries(props)) {
      if (this.previous.get(name) !== value) style.setProperty(name, value);
      next.set(name, value);
    }
    this.previous = next;
    return noChange;
  }
}

/** Inline styles set through the CSSOM, so they work under a strict Content-Security-Policy. */
export const styleProps = directive(StylePropsDirective);
