import { strict as assert } from 'node:assert';
import { MAX_QUERY_LENGTH, parseWebviewMessage } from '../../src/protocol';

describe('messages from the panel webview', () => {
  it('accepts each well-formed message', () => {
    const messages = [
      { type: 'ready' },
      { type: 'search', requestId: 3, query: 'prisoner exchange' },
      { type: 'insertCitation', passageId: 'wtn-talks-stall#natos-response' },
      { type: 'insertQuote', passageId: 'a#b' },
      { type: 'copyCitation', passageId: 'a#b' },
      { type: 'openSource', passageId: 'a#b' },
      { type: 'pin', passageId: 'a#b', pinned: true },
      { type: 'setFollowCursor', enabled: false },
      { type: 'openTopic', topic: 'ceasefire' },
      { type: 'showPassages', title: '6.3%', passageIds: ['a#b', 'c#d'] },
      { type: 'openDocument', docId: 'wtn-talks-stall' },
      { type: 'exportBriefing' },
      { type: 'exportBriefing', topic: 'ceasefire' },
    ];
    for (const message of messages) assert.deepEqual(parseWebviewMessage(message), { message }, JSON.stringify(message));
  });

  it('drops fields it does not know, so nothing extra reaches a handler', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'openSource', passageId: 'a#b', command: 'workbench.action.terminal.new' }), { message: { type: 'openSource', passageId: 'a#b' } });
  });

  it('rejects malformed, oversized and unknown messages with a reason', () => {
    const rejected: unknown[] = [
      null,
      'ready',
      42,
      { type: 'runCommand', command: 'rm -rf /' },
      { type: 'search', requestId: '1', query: 'x' },
      { type: 'search', requestId: 1, query: 'x'.repeat(MAX_QUERY_LENGTH + 1) },
      { type: 'insertCitation', passageId: { toString: 'a#b' } },
      { type: 'pin', passageId: 'a#b', pinned: 'yes' },
      { type: 'showPassages', title: 't', passageIds: Array.from({ length: 201 }, (_, i) => `p#${i}`) },
      { type: 'showPassages', title: 't', passageIds: ['ok', 7] },
      { type: 'openTopic', topic: '   ' },
      { type: '__proto__' },
    ];
    for (const message of rejected) {
      const result = parseWebviewMessage(message);
      assert.ok('error' in result && result.error.length > 0, `rejects ${JSON.stringify(message)}`);
    }
  });
});
