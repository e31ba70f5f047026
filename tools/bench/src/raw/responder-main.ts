// The raw baseline's server, run in its own process: answers each request frame with a
// response frame of the size the request asks for, doing nothing else. It tells its parent the
// port over IPC and exits when the parent goes away.
import { createServer } from 'node:net';
import { FrameSplitter, padding, RESPONSE_HEADER_BYTES, responseHeader } from './frames';

const server = createServer((socket) => {
  socket.setNoDelay(true);
  const splitter = new FrameSplitter();
  socket.on('data', (chunk: Buffer) => {
    // The responses to one chunk leave in one write.
    socket.cork();
    splitter.push(chunk, (frame) => {
      const correlationId = frame.readInt32LE(4);
      const responseBytes = frame.readInt32LE(8);
      socket.write(responseHeader(correlationId, responseBytes));
      socket.write(padding(responseBytes - RESPONSE_HEADER_BYTES));
    });
    socket.uncork();
  });
  socket.on('error', () => socket.destroy());
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The responder has no TCP address');
  process.send?.({ port: address.port });
});
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
