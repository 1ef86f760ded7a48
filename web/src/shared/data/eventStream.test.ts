import { expect, test } from '@playwright/test';

import { readEvents, type StreamEvent } from './eventStream';

/** A body that arrives in the given pieces, as a network would cut it. */
function body(...pieces: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
}

async function events(...pieces: string[]): Promise<StreamEvent[]> {
  const seen: StreamEvent[] = [];
  await readEvents(body(...pieces), (event) => seen.push(event));
  return seen;
}

test('events are read with their id, name and data, whatever the pieces the network cuts', async () => {
  const stream = 'id:1\nevent:CASE_OPENED\ndata:{"caseId":"a"}\n\nid: 2\nevent: CASE_UPDATED\ndata: {"caseId":"b"}\n\n';
  const whole = await events(stream);
  expect(whole).toEqual([
    { id: '1', event: 'CASE_OPENED', data: '{"caseId":"a"}' },
    { id: '2', event: 'CASE_UPDATED', data: '{"caseId":"b"}' },
  ]);
  // One character at a time gives the same events.
  expect(await events(...stream.split(''))).toEqual(whole);
});

test('keep-alive comments and unknown fields are skipped; CRLF line ends and multi-line data are read', async () => {
  expect(await events(': keep-alive\n\n', 'content-type:application/json\r\nid:7\r\nevent:SLA_BREACHED\r\ndata:a\r\ndata:b\r\n\r\n'))
    .toEqual([{ id: '7', event: 'SLA_BREACHED', data: 'a\nb' }]);
});

test('an event cut off by the end of the body is not delivered half', async () => {
  expect(await events('id:1\nevent:CASE_OPENED\ndata:{"caseId":"a"}\n\nid:2\nevent:CASE_OPENED\ndata:{"ca')).toEqual([
    { id: '1', event: 'CASE_OPENED', data: '{"caseId":"a"}' },
  ]);
});

test('Korean text split inside a character is decoded whole', async () => {
  const bytes = new TextEncoder().encode('data:불만 접수\n\n');
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes.slice(0, 7)); // inside the first Korean character
      controller.enqueue(bytes.slice(7));
      controller.close();
    },
  });
  const seen: StreamEvent[] = [];
  await readEvents(stream, (event) => seen.push(event));
  expect(seen).toEqual([{ id: undefined, event: 'message', data: '불만 접수' }]);
});
