// Uploads an image held in memory (a Buffer, so the multipart part has no filename) with the
// official Node SDK's im.image.create against a running Larkspur:
// node upload-check.js <base URL> <app id> <app secret> <image path>. Prints one JSON line on
// stdout, {"kind":"image","data":<what the SDK returned>} or {"kind":"error","data":…}, for
// NodeSdkUploadIT to read.
'use strict';
const fs = require('fs');
const lark = require('@larksuiteoapi/node-sdk');

const [baseUrl, appId, appSecret, imagePath] = process.argv.slice(2);

function emit(kind, data) {
  process.stdout.write(JSON.stringify({ kind, data }) + '\n');
}

const toStderr = (...msg) => console.error(...msg);
const logger = { error: toStderr, warn: toStderr, info: toStderr, debug: toStderr, trace: toStderr };

const client = new lark.Client({ appId, appSecret, domain: baseUrl, loggerLevel: lark.LoggerLevel.warn, logger });

client.im.image
  .create({ data: { image_type: 'message', image: fs.readFileSync(imagePath) } })
  .then((data) => emit('image', data))
  .catch((e) => emit('error', { message: String(e), response: e && e.response ? e.response.data : null }))
  .finally(() => process.exit(0));

// Never outlive a test run that forgot to stop us.
setTimeout(() => process.exit(3), 60 * 1000);
