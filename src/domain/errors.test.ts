import { expect } from '@open-wc/testing';
import { ROLE_GUIDANCE, commandError, describeCommandError, isCommandErrorKind } from './index.js';

describe('command errors', () => {
  it('explains a role error with the reference page’s Omnichannel API access guidance', () => {
    const text = describeCommandError(commandError('forbidden'));
    expect(text).to.contain('Omnichannel API access');
    expect(text).to.contain('not assigned to you');
  });

  it('adds the role guidance to a backend’s own forbidden message', () => {
    const text = describeCommandError(commandError('forbidden', 'Permission denied.'));
    expect(text).to.equal(`Permission denied. ${ROLE_GUIDANCE}`);
  });

  it('gives every kind a standard sentence and keeps a specific one', () => {
    expect(describeCommandError(commandError('conflict'))).to.contain('changed');
    expect(describeCommandError(commandError('not-found', 'Gone.'))).to.equal('Gone.');
    expect(commandError('conflict', undefined, { currentVersion: 7 }).currentVersion).to.equal(7);
  });

  it('recognises error kinds', () => {
    expect(isCommandErrorKind('rate-limited')).to.equal(true);
    expect(isCommandErrorKind('teapot')).to.equal(false);
    expect(isCommandErrorKind(42)).to.equal(false);
  });
});
