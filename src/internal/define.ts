/**
 * Registers a custom element unless the tag is taken. A page may load two copies of the package (or a
 * host may register the class itself under this name first): registering twice must not throw.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, ctor);
  } else if (existing !== ctor) {
    console.warn(
      `<${tag}> is already registered by another class; this copy is not registered again.`,
    );
  }
}
