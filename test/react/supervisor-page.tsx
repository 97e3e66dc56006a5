// The README's React example (tested by react-wrappers.test.ts). In a host app the import is
// `from 'supervisor-console/react'`.
import * as React from 'react';
import { useState } from 'react';
import type { SupervisorService } from '../../src/index.js';
import { SupervisorConsole } from '../../src/react/index.js';

export function SupervisorPage({ service }: { readonly service: SupervisorService }) {
  const [selected, setSelected] = useState<string | null>(null);
  const [log, setLog] = useState<readonly string[]>([]);
  return (
    <main>
      <p role="status">{selected ? `Showing ${selected}'s conversations` : 'Everyone'}</p>
      <SupervisorConsole
        service={service}
        onScRepresentativeSelect={(event) => setSelected(event.detail.representativeId)}
        onScAssigned={(event) => setLog((l) => [...l, `Assigned ${event.detail.conversationId}`])}
        onScForceCloseRequest={(event) => {
          if (!window.confirm('Really?')) event.preventDefault(); // a veto keeps the dialog open
        }}
      />
      <ul>
        {log.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </main>
  );
}
