import http from 'node:http';

export interface SseMessage {
  event: string;
  data: any;
}

/** A real SSE client over HTTP (the app must listen), collecting messages until closed. */
export function openEventStream(baseUrl: string, token: string) {
  const messages: SseMessage[] = [];
  let buffer = '';
  let request: http.ClientRequest | undefined;
  const ready = new Promise<number>((resolve, reject) => {
    request = http.get(
      `${baseUrl}/api/v1/events`,
      { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } },
      (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let cut = buffer.indexOf('\n\n');
          while (cut >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) messages.push({ event, data: JSON.parse(data) });
            cut = buffer.indexOf('\n\n');
          }
        });
        resolve(res.statusCode ?? 0);
      },
    );
    request.on('error', reject);
  });
  return {
    ready,
    messages,
    /** Waits (bounded) until a message matches. */
    async waitFor(predicate: (m: SseMessage) => boolean, timeoutMs = 5000): Promise<SseMessage> {
      const start = Date.now();
      while (Date.now() - start < timeoutMs) {
        const found = messages.find(predicate);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no matching event within ${timeoutMs} ms; got ${messages.map((m) => m.event).join(', ')}`);
    },
    close() {
      request?.destroy();
    },
  };
}
