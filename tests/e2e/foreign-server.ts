/** An unrelated local HTTP server on another 127.0.0.1 port: records every request it gets and can plant cookies. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  /** Raw header lines as received (name, value, name, value …), so nothing is normalised away. */
  rawHeaders: string[];
}

export interface ForeignServer {
  origin: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/**
 * `GET /plant` answers with the given Set-Cookie lines (cookies for host 127.0.0.1, which the browser then also
 * sends to every other port on it); any other path answers a small page.
 */
export async function startForeignServer(plant: string[] = []): Promise<ForeignServer> {
  const seen: SeenRequest[] = [];
  const server = http.createServer({ maxHeaderSize: 1024 * 1024 }, (req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', rawHeaders: [...req.rawHeaders] });
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'text/html; charset=utf-8' };
    if (req.url === '/plant') headers['set-cookie'] = plant;
    res.writeHead(200, headers);
    res.end(`<!doctype html><title>other local server</title><p id="other">other server: ${req.url === '/plant' ? 'planted' : 'hello'}</p>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
