// Runs the official Node SDK's long-connection client (WSClient + EventDispatcher) against a
// running Larkspur: node ws-check.js <base URL> <app id> <app secret>. Prints one JSON line per
// happening on stdout ({"kind":"ready"|"message"|"card"|"error", "data":…}) for NodeSdkIT to read;
// the SDK's own log goes to stderr.
'use strict';
const lark = require('@larksuiteoapi/node-sdk');

const [baseUrl, appId, appSecret] = process.argv.slice(2);

function emit(kind, data) {
  process.stdout.write(JSON.stringify({ kind, data }) + '\n');
}

const toStderr = (...msg) => console.error(...msg);
const logger = { error: toStderr, warn: toStderr, info: toStderr, debug: toStderr, trace: toStderr };

const dispatcher = new lark.EventDispatcher({ loggerLevel: lark.LoggerLevel.warn, logger }).register({
  'im.message.receive_v1': async (data) => {
    emit('message', data);
  },
  'card.action.trigger': async (data) => {
    emit('card', data);
    return {
      toast: { type: 'success', content: 'node ok' },
      card: {
        type: 'raw',
        data: {
          config: { update_multi: true },
          header: { title: { tag: 'plain_text', content: 'Saved by Node' } },
          elements: [{ tag: 'div', text: { tag: 'plain_text', content: 'done' } }],
        },
      },
    };
  },
});

const client = new lark.WSClient({
  appId,
  appSecret,
  domain: baseUrl,
  loggerLevel: lark.LoggerLevel.info,
  logger,
  onReady: () => emit('ready', {}),
  onError: (e) => emit('error', { message: String(e) }),
});
client.start({ eventDispatcher: dispatcher });

// Never outlive a test run that forgot to stop us.
setTimeout(() => process.exit(3), 5 * 60 * 1000);
process.on('SIGTERM', () => process.exit(0));
