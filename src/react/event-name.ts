import type { EventName } from '@lit/react';

/** The typed React event name of one of the package's event classes (its `static eventName`). */
export const eventName = <T extends Event>(eventClass: {
  readonly eventName: string;
  readonly prototype: T;
}): EventName<T> => eventClass.eventName as EventName<T>;
